import type { FastifyInstance } from 'fastify';
import { acknowledgeRequest, alertListQuery, alertRuleInput, deliveryListQuery, snoozeRequest } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { alertDepsFrom } from '../../alerts/alert-deps.js';
import { acknowledge, listAlertRecords, readAlertRecord, snooze } from '../../alerts/alert-actions.js';
import { drainDeliveries } from '../../alerts/delivery-worker.js';
import { evaluateAlerts } from '../../alerts/evaluate-alerts.js';
import { changeAlertRule, createAlertRule, listAlertRules, readAlertRule, removeAlertRule } from '../../alerts/rule-service.js';
import { listDeliveries } from '../../store/alerts/deliveries.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['Alerts'];

/** Alert rules, the alerts they raise, on-demand evaluation and the delivery log. */
export function alertRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const deps = alertDepsFrom(ctx);

  app.get('/api/v1/alerts/rules', apiDoc({ tags, summary: 'Alert rules with their open alert counts' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listAlertRules(ctx.db);
  });
  app.get('/api/v1/alerts/rules/:id', apiDoc({ tags, summary: 'One alert rule', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readAlertRule(ctx.db, validate(idParams, request.params, 'path').id);
  });
  app.post('/api/v1/alerts/rules', apiDoc({ tags, summary: 'Create an alert rule (kind, thresholds, severity, routing)', body: alertRuleInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const body = validate(alertRuleInput, request.body, 'body');
    reply.code(201);
    return createAlertRule(ctx.db, user, body);
  });
  app.put('/api/v1/alerts/rules/:id', apiDoc({ tags, summary: 'Replace an alert rule', params: idParams, body: alertRuleInput }), async (request) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    return changeAlertRule(ctx.db, user, id, validate(alertRuleInput, request.body, 'body'));
  });
  app.delete('/api/v1/alerts/rules/:id', apiDoc({ tags, summary: 'Delete an alert rule and its alerts', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    await removeAlertRule(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.get('/api/v1/alerts', apiDoc({ tags, summary: 'Alerts, most severe and newest first', querystring: alertListQuery }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listAlertRecords(deps, validate(alertListQuery, request.query, 'query'));
  });
  app.get('/api/v1/alerts/:id', apiDoc({ tags, summary: 'One alert with its tickets', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readAlertRecord(deps, validate(idParams, request.params, 'path').id);
  });
  app.post('/api/v1/alerts/:id/acknowledge', apiDoc({ tags, summary: 'Acknowledge an open alert', params: idParams, body: acknowledgeRequest }), async (request) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    validate(acknowledgeRequest, request.body ?? {}, 'body');
    return acknowledge(deps, user, id);
  });
  app.post('/api/v1/alerts/:id/snooze', apiDoc({ tags, summary: 'Snooze an alert: told again when the snooze ends if still caused', params: idParams, body: snoozeRequest }), async (request) => {
    await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    return snooze(deps, id, validate(snoozeRequest, request.body, 'body'));
  });

  /** Evaluates every rule now and sends what is due, instead of waiting for the schedule. */
  app.post('/api/v1/alerts/evaluate', apiDoc({ tags, summary: 'Evaluate every rule now and send what is due' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:write');
    const summary = await evaluateAlerts(deps);
    await drainDeliveries(deps);
    return summary;
  });

  app.get('/api/v1/alerts/deliveries', apiDoc({ tags, summary: 'Delivery log: e-mails, webhooks and ticket operations with attempts and errors', querystring: deliveryListQuery }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    const q = validate(deliveryListQuery, request.query, 'query');
    const page = await listDeliveries(ctx.db, q);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      total: page.total,
      items: page.items.map((d) => ({
        id: d.id, channel: d.channel, event: d.event, alertId: d.alert_id, targetId: d.target_id, state: d.state, attempts: d.attempts,
        nextAttemptAt: iso(d.next_attempt_at), lastError: d.last_error, responseStatus: d.response_status, createdAt: iso(d.created_at)!, deliveredAt: iso(d.delivered_at),
      })),
    };
  });
}
