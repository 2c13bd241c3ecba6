import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceExportQuery, deviceHistoryQuery, deviceListQuery, softwareHoldersQuery, softwareSearchQuery, type DeviceHistory, type DeviceSummary } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { ApiProblem } from '../services/errors.js';
import { toCsv } from '../services/csv.js';
import { deviceStatistics, getDevice, listDevices, selectAllDevices } from '../store/devices.js';
import { listSoftwareChanges } from '../store/software.js';
import { listSoftwareHolders, searchInstalledSoftware } from '../store/software-inventory.js';
import { requirePermission } from './auth.js';
import { validate } from './validate.js';
import { apiDoc } from './openapi.js';

const deviceParams = z.object({ id: z.uuid() });
/** More rows than this is not a spreadsheet any more: the API pages are the way to read them. */
const EXPORT_CAP = 200_000;

const EXPORT_COLUMNS: Array<{ header: string; value: (d: DeviceSummary) => unknown }> = [
  { header: 'hostname', value: (d) => d.hostname },
  { header: 'kind', value: (d) => d.kind },
  { header: 'fqdn', value: (d) => d.fqdn },
  { header: 'manufacturer', value: (d) => d.manufacturer },
  { header: 'model', value: (d) => d.model },
  { header: 'serial_number', value: (d) => d.serialNumber },
  { header: 'os', value: (d) => d.osName },
  { header: 'os_version', value: (d) => d.osVersion },
  { header: 'mac_addresses', value: (d) => d.macAddresses.join(' ') },
  { header: 'software_count', value: (d) => d.softwareCount },
  { header: 'asset_tag', value: (d) => d.asset?.tag },
  { header: 'asset_name', value: (d) => d.asset?.name },
  { header: 'online', value: (d) => (d.online ? 'yes' : 'no') },
  { header: 'first_seen', value: (d) => d.firstSeen },
  { header: 'last_seen', value: (d) => d.lastSeen },
  { header: 'id', value: (d) => d.id },
];

export function deviceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/devices', apiDoc({ tags: ['devices'], summary: 'List devices (agent and network) with search, filters, sorting and paging', querystring: deviceListQuery }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    return listDevices(ctx.db, validate(deviceListQuery, request.query, 'query'));
  });

  app.get('/api/v1/devices/export', apiDoc({ tags: ['devices'], summary: 'Every device the list filters find, as CSV for a spreadsheet', querystring: deviceExportQuery }), async (request, reply) => {
    await requirePermission(ctx, request, 'devices:read');
    const devices = await selectAllDevices(ctx.db, validate(deviceExportQuery, request.query, 'query'), EXPORT_CAP);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="devices-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(toCsv(devices, EXPORT_COLUMNS));
  });

  app.get('/api/v1/software', apiDoc({ tags: ['devices'], summary: 'Installed software across the estate by name: titles, versions and how many devices have them', querystring: softwareSearchQuery }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    const q = validate(softwareSearchQuery, request.query, 'query');
    return { items: await searchInstalledSoftware(ctx.db, q.search, q.limit) };
  });

  app.get('/api/v1/software/devices', apiDoc({ tags: ['devices'], summary: 'The devices holding one title, by exact name (and publisher and version)', querystring: softwareHoldersQuery }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    return listSoftwareHolders(ctx.db, validate(softwareHoldersQuery, request.query, 'query'));
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
