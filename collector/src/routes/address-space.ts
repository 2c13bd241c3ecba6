import type { FastifyInstance } from 'fastify';
import { subnetQuery } from '@steward/shared';
import { addressConflicts, listSubnets, subnetDetail, UnknownSubnet } from '../address-space/address-space.js';
import type { CollectorContext } from '../context.js';
import { ApiProblem } from '../services/errors.js';
import { refreshSightings } from '../store/address-space/sightings.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { validate } from './validate.js';

/** The IP address space: subnets, the addresses in use and by whom, free ranges and conflicts. */
export function addressSpaceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/address-space/subnets', apiDoc({ tags: ['address-space'], summary: 'Known subnets with addresses used, free and in conflict' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return { items: await listSubnets(ctx.db, new Date()) };
  });

  app.get('/api/v1/address-space/subnet', apiDoc({ tags: ['address-space'], summary: 'One subnet: each address in use with the devices and MACs that held it, and the free ranges', querystring: subnetQuery }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { cidr } = validate(subnetQuery, request.query, 'query');
    try {
      return await subnetDetail(ctx.db, cidr, new Date());
    } catch (error) {
      if (error instanceof UnknownSubnet) throw new ApiProblem(404, 'not_found', `cidr: ${error.message}`);
      throw error;
    }
  });

  app.get('/api/v1/address-space/conflicts', apiDoc({ tags: ['address-space'], summary: 'Addresses held by two MACs at once' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return { items: await addressConflicts(ctx.db, new Date()) };
  });

  app.post('/api/v1/address-space/refresh', apiDoc({ tags: ['address-space'], summary: 'Record the addresses every device holds now, without waiting for the next turn' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:write');
    return { sightings: await refreshSightings(ctx.db, null) };
  });
}
