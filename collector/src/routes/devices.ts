import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceHistoryQuery, deviceListQuery, type DeviceHistory } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { ApiProblem } from '../services/errors.js';
import { deviceStatistics, getDevice, listDevices } from '../store/devices.js';
import { listSoftwareChanges } from '../store/software.js';
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

  app.get('/api/v1/devices/:id/history', apiDoc({ tags: ['devices'], summary: 'What changed on a device and when: software added, removed and upgraded, newest first', params: deviceParams, querystring: deviceHistoryQuery }), async (request): Promise<DeviceHistory> => {
    await requirePermission(ctx, request, 'devices:read');
    const { id } = validate(deviceParams, request.params, 'path');
    const { limit } = validate(deviceHistoryQuery, request.query, 'query');
    const changes = await listSoftwareChanges(ctx.db, id, limit);
    return {
      items: changes.map((c) => ({
        time: new Date(c.time).toISOString(), change: c.change, source: c.source, name: c.name,
        arch: c.arch ?? null, oldVersion: c.oldVersion ?? null, newVersion: c.newVersion ?? null,
      })),
    };
  });
}
