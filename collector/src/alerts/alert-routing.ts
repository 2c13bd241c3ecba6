import { randomUUID } from 'node:crypto';
import type { AlertRouting } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import type { AlertRow } from '../store/alerts/alerts.js';
import { enqueueDeliveries, type NewDelivery } from '../store/alerts/deliveries.js';
import { insertTicket, ticketsOfAlerts } from '../store/alerts/tickets.js';
import { alertEmail, ticketContent, webhookBody, type AlertEvent } from './alert-messages.js';
import { alertView } from './alert-view.js';

export interface AlertChange {
  event: AlertEvent;
  alert: AlertRow;
  routing: AlertRouting;
}

const WEBHOOK_EVENTS = new Set<AlertEvent>(['opened', 'updated', 'acknowledged', 'reminded', 'resolved']);

function subjectIds(a: AlertRow): { assetId: string | null; deviceId: string | null } {
  const d = a.details as { assetId?: unknown; deviceId?: unknown };
  const assetId = typeof d.assetId === 'string' ? d.assetId : a.subject_type === 'asset' ? a.subject_id : null;
  const deviceId = typeof d.deviceId === 'string' ? d.deviceId : a.subject_type === 'device' ? a.subject_id : null;
  return { assetId, deviceId };
}

/** A helpdesk ticket for a new alert on each connector the rule names. */
async function openTickets(tx: Queryable, c: AlertChange, out: NewDelivery[]): Promise<void> {
  for (const integrationId of c.routing.integrationIds) {
    const ticketId = randomUUID();
    const made = await insertTicket(tx, { id: ticketId, integrationId, alertId: c.alert.id, findingId: null, ...subjectIds(c.alert), about: c.alert.summary });
    if (made) out.push({ channel: 'ticket', event: 'ticket.open', alertId: c.alert.id, targetId: integrationId, payload: { ticketId, ...ticketContent(c.alert) } });
  }
}

/**
 * Turns alert changes into deliveries, in the transaction that made the changes: a change is never
 * stored without its notifications, nor notified without being stored.
 */
export async function routeChanges(tx: Queryable, changes: AlertChange[], now: Date): Promise<void> {
  const out: NewDelivery[] = [];
  const existing = await ticketsOfAlerts(tx, changes.filter((c) => c.event === 'updated' || c.event === 'resolved').map((c) => c.alert.id));
  for (const c of changes) {
    const { routing: r, alert: a, event } = c;
    const tell = event === 'opened' || event === 'reminded' || (event === 'resolved' && r.notifyOnResolve);
    if (tell && r.email.mode === 'immediate' && r.email.recipients.length > 0) {
      out.push({ channel: 'email', event: `alert.${event}`, alertId: a.id, targetId: null, payload: { to: r.email.recipients, ...alertEmail(event, a) } });
    }
    if (WEBHOOK_EVENTS.has(event) && (event !== 'resolved' || r.notifyOnResolve)) {
      const body = webhookBody(event, alertView(a), now);
      for (const webhookId of r.webhookIds) out.push({ channel: 'webhook', event: `alert.${event}`, alertId: a.id, targetId: webhookId, payload: { body } });
    }
    if (event === 'opened') await openTickets(tx, c, out);
    for (const t of existing.filter((t) => t.alert_id === a.id && (t.state === 'open' || t.state === 'opening'))) {
      if (event === 'updated') {
        out.push({ channel: 'ticket', event: 'ticket.update', alertId: a.id, targetId: t.integration_id, payload: { ticketId: t.id, text: `Changed: ${a.summary}` } });
      } else if (event === 'resolved' && t.auto_close) {
        out.push({ channel: 'ticket', event: 'ticket.close', alertId: a.id, targetId: t.integration_id, payload: { ticketId: t.id, note: `Resolved by itself at ${now.toISOString()}: ${a.summary}` } });
      }
    }
  }
  await enqueueDeliveries(tx, out);
}
