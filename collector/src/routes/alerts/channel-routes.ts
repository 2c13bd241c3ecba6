import type { FastifyInstance } from 'fastify';
import { notificationSettingsInput, outboundSettings, testEmailRequest, webhookInput, webhookUpdate } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { alertDepsFrom } from '../../alerts/alert-deps.js';
import { readNotificationView, sendTestEmail, writeNotificationView } from '../../alerts/notification-service.js';
import { readOutboundSettings, writeOutboundSettings } from '../../alerts/outbound/current-policy.js';
import { recordAudit } from '../../services/audit.js';
import { changeWebhook, createWebhook, listWebhookRecords, removeWebhook, testWebhook } from '../../alerts/webhook-service.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['Alerts'];

/** Where alerts go: webhooks, and the SMTP relay and digest settings. */
export function channelRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/alerts/webhooks', apiDoc({ tags, summary: 'Outgoing webhooks (secrets never answered)' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listWebhookRecords(ctx.db);
  });
  app.post('/api/v1/alerts/webhooks', apiDoc({ tags, summary: 'Add a webhook signed with HMAC-SHA256 (X-Steward-Timestamp, X-Steward-Signature)', body: webhookInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const body = validate(webhookInput, request.body, 'body');
    reply.code(201);
    return createWebhook(ctx.db, ctx.secrets, user, body);
  });
  app.patch('/api/v1/alerts/webhooks/:id', apiDoc({ tags, summary: 'Change a webhook', params: idParams, body: webhookUpdate }), async (request) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    return changeWebhook(ctx.db, ctx.secrets, user, id, validate(webhookUpdate, request.body, 'body'));
  });
  app.post('/api/v1/alerts/webhooks/:id/test', apiDoc({ tags, summary: 'Post a signed test event to a webhook now and answer what the receiver said', params: idParams }), async (request) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    return testWebhook(alertDepsFrom(ctx), user, validate(idParams, request.params, 'path').id);
  });
  app.delete('/api/v1/alerts/webhooks/:id', apiDoc({ tags, summary: 'Delete a webhook', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    await removeWebhook(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.get('/api/v1/settings/outbound', apiDoc({ tags, summary: 'Where webhooks, helpdesk connectors, the SMTP relay and domain registries (RDAP) may connect' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readOutboundSettings(ctx.db);
  });
  app.put('/api/v1/settings/outbound', apiDoc({ tags, summary: 'Restrict webhooks, helpdesk connectors, the SMTP relay and RDAP look-ups to public addresses, or lift it', body: outboundSettings }), async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const value = validate(outboundSettings, request.body, 'body');
    await ctx.db.transaction(async (tx) => {
      const before = await readOutboundSettings(tx);
      await writeOutboundSettings(tx, value);
      await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'outbound.settings', objectType: 'settings', objectId: 'outbound', before, after: value });
    });
    return value;
  });

  app.get('/api/v1/alerts/settings', apiDoc({ tags, summary: 'SMTP relay and daily digest settings (password never answered)' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readNotificationView(ctx.db);
  });
  app.put('/api/v1/alerts/settings', apiDoc({ tags, summary: 'Set the SMTP relay and the daily digest', body: notificationSettingsInput }), async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    return writeNotificationView(ctx.db, ctx.secrets, user, validate(notificationSettingsInput, request.body, 'body'));
  });
  app.post('/api/v1/alerts/settings/test-email', apiDoc({ tags, summary: 'Send a test message through the stored SMTP relay now and answer what it said', body: testEmailRequest }), async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    return sendTestEmail(alertDepsFrom(ctx), user, validate(testEmailRequest, request.body, 'body').to);
  });
}
