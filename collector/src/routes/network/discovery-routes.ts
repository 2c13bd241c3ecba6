import type { FastifyInstance } from 'fastify';
import { discoveryRequest, pollingSettingsUpdate } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { changePollingSettings, currentPollingSettings } from '../../services/network/polling-settings.js';
import { registerDiscovery } from '../../services/network/register-discovery.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorOf } from './actor.js';

/** Probes registered from elsewhere, and the polling settings every collector follows. */
export function discoveryRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  // A probe of a large switch carries its whole forwarding table: as large as an inventory report may be.
  app.post('/api/v1/network/discoveries', {
    bodyLimit: ctx.config.maxReportBytes,
    ...apiDoc({ tags: ['network'], summary: 'Register a probe made elsewhere (steward snmp probe --save)', body: discoveryRequest }),
  }, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const body = validate(discoveryRequest, request.body, 'discovery');
    const answer = await registerDiscovery(ctx, actorOf(user, request), body);
    request.log.info({ device: answer.deviceId, change: answer.change, host: body.result.target.host }, 'SNMP discovery registered');
    return reply.code(answer.change === 'created' ? 201 : 200).send(answer);
  });

  app.get('/api/v1/network/polling', apiDoc({ tags: ['network'], summary: 'How every collector polls network devices' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return currentPollingSettings(ctx.db);
  });

  app.put('/api/v1/network/polling', apiDoc({ tags: ['network'], summary: 'Change some polling settings; the others stay', body: pollingSettingsUpdate }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const change = validate(pollingSettingsUpdate, request.body, 'settings');
    return changePollingSettings(ctx.db, actorOf(user, request), change);
  });
}
