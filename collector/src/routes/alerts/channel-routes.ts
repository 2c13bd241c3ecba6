import type { FastifyInstance } from 'fastify';
import { notificationSettingsInput, webhookInput, webhookUpdate } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { readNotificationView, writeNotificationView } from '../../alerts/notification-service.js';
import { changeWebhook, createWebhook, listWebhookRecords, removeWebhook } from '../../alerts/webhook-service.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

const idParams = z.object({ id: z.uuid() });

/** Where alerts go: webhooks, and the SMTP relay and digest settings. */
export function channelRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/alerts/webhooks', async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listWebhookRecords(ctx.db);
  });
  app.post('/api/v1/alerts/webhooks', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const body = validate(webhookInput, request.body, 'body');
    reply.code(201);
    return createWebhook(ctx.db, ctx.secrets, user, body);
  });
  app.patch('/api/v1/alerts/webhooks/:id', async (request) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    return changeWebhook(ctx.db, ctx.secrets, user, id, validate(webhookUpdate, request.body, 'body'));
  });
  app.delete('/api/v1/alerts/webhooks/:id', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    await removeWebhook(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.get('/api/v1/alerts/settings', async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readNotificationView(ctx.db);
  });
  app.put('/api/v1/alerts/settings', async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    return writeNotificationView(ctx.db, ctx.secrets, user, validate(notificationSettingsInput, request.body, 'body'));
  });
}
