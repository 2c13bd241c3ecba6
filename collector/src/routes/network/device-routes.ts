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
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorOf } from './actor.js';

const idParams = z.object({ id: z.uuid() });

/** Discovered network gear, its samples, and where any device plugs into the network. */
export function networkDeviceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/network/devices', apiDoc({ tags: ['network'], summary: 'Discovered network devices with their interface, neighbour and forwarding counts', querystring: networkDeviceListQuery }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return listNetworkDevices(ctx.db, validate(networkDeviceListQuery, request.query, 'query'));
  });

  app.get('/api/v1/network/devices/:id', apiDoc({ tags: ['network'], summary: 'A discovered device: interfaces with rates, neighbours, switch ports with the devices on them, supplies, modules, location', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    return networkDeviceDetail(ctx.db, id);
  });

  app.patch('/api/v1/network/devices/:id', apiDoc({ tags: ['network'], summary: 'Change how a device is polled (interval, credential set) or poll it now', params: idParams, body: networkDeviceUpdate }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    const change = validate(networkDeviceUpdate, request.body, 'device');
    await updateNetworkDevice(ctx.db, actorOf(user, request), id, change);
    return (await getNetworkDevice(ctx.db, id))!.summary;
  });

  app.get('/api/v1/network/devices/:id/samples', apiDoc({ tags: ['network'], summary: 'Reachability and interface counter samples of a device', params: idParams, querystring: networkDeviceSamplesQuery }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const query = validate(networkDeviceSamplesQuery, request.query, 'query');
    if (!(await getNetworkDevice(ctx.db, id))) throw new ApiProblem(404, 'not_found', `no network device with id ${id}`);
    return readSamples(ctx.db, id, query.since ? new Date(query.since) : new Date(Date.now() - 24 * 3600_000), query.limit);
  });

  app.get('/api/v1/devices/:id/switch-port', apiDoc({ tags: ['devices'], summary: 'The switch port a device plugs into, from the forwarding tables of discovered switches', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    const { id } = validate(idParams, request.params, 'path');
    return locateDevice(ctx.db, id);
  });
}
