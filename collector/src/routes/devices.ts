import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceListQuery } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { ApiProblem } from '../services/errors.js';
import { deviceStatistics, getDevice, listDevices } from '../store/devices.js';
import { requirePermission } from './auth.js';
import { validate } from './validate.js';
import { apiDoc } from './openapi.js';

const deviceParams = z.object({ id: z.uuid() });

export function deviceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/devices', apiDoc({ tags: ['devices'], summary: 'List devices (agent and network) with search, filters, sorting and paging', querystring: deviceListQuery }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    return listDevices(ctx.db, validate(deviceListQuery, request.query, 'query'));
  });

  app.get('/api/v1/devices/statistics', apiDoc({ tags: ['devices'], summary: 'Exact estate-wide counts for the overview' }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    return deviceStatistics(ctx.db);
  });

  app.get('/api/v1/devices/:id', apiDoc({ tags: ['devices'], summary: 'One device with hardware, OS and software', params: deviceParams }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    const { id } = validate(deviceParams, request.params, 'path');
    const device = await getDevice(ctx.db, id);
    if (!device) throw new ApiProblem(404, 'not_found', `no device with id ${id}`);
    return device;
  });
}
