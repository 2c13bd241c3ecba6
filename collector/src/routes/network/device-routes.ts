import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { networkDeviceListQuery, networkDeviceSamplesQuery, networkDeviceUpdate } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { ApiProblem } from '../../services/errors.js';
import { networkDeviceDetail, updateNetworkDevice } from '../../services/network/network-devices.js';
import { locateDevice } from '../../services/network/switch-port-location.js';
import { getNetworkDevice, listNetworkDevices } from '../../store/network/network-devices.js';
import { readSamples } from '../../store/network/samples.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { actorOf } from './actor.js';

const idParams = z.object({ id: z.uuid() });

/** Discovered network gear, its samples, and where any device plugs into the network. */
export function networkDeviceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/network/devices', async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return listNetworkDevices(ctx.db, validate(networkDeviceListQuery, request.query, 'query'));
  });

  app.get('/api/v1/network/devices/:id', async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    return networkDeviceDetail(ctx.db, id);
  });

  app.patch('/api/v1/network/devices/:id', async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    const change = validate(networkDeviceUpdate, request.body, 'device');
    await updateNetworkDevice(ctx.db, actorOf(user, request), id, change);
    return (await getNetworkDevice(ctx.db, id))!.summary;
  });

  app.get('/api/v1/network/devices/:id/samples', async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const query = validate(networkDeviceSamplesQuery, request.query, 'query');
    if (!(await getNetworkDevice(ctx.db, id))) throw new ApiProblem(404, 'not_found', `no network device with id ${id}`);
    return readSamples(ctx.db, id, query.since ? new Date(query.since) : new Date(Date.now() - 24 * 3600_000), query.limit);
  });

  app.get('/api/v1/devices/:id/switch-port', async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    const { id } = validate(idParams, request.params, 'path');
    return locateDevice(ctx.db, id);
  });
}
