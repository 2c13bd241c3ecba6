import { randomUUID } from 'node:crypto';
import type { AlertTicket } from '@steward/shared';
import type { AlertDeps } from '../alerts/alert-deps.js';
import { ticketContent } from '../alerts/alert-messages.js';
import { ticketView } from '../alerts/alert-view.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import type { UserRow } from '../store/users.js';
import { findAlert } from '../store/alerts/alerts.js';
import { enqueueDeliveries } from '../store/alerts/deliveries.js';
import { findIntegration } from '../store/alerts/integrations.js';
import { findFindingForTicket } from '../store/alerts/sources/finding-tickets.js';
import { findTicket, findingTicketsToClose, insertTicket } from '../store/alerts/tickets.js';
import { missingTables } from '../store/alerts/sources/table-presence.js';

/**
 * Opens a ticket on demand for an alert or a reconciliation finding. The ticket is opened by the
 * delivery worker (with retries); the answer is the ticket as recorded, in state `opening`.
 */
export async function requestTicket(
  deps: AlertDeps, user: UserRow, integrationId: string, about: { alertId: string } | { findingId: string },
): Promise<AlertTicket> {
  const integration = await findIntegration(deps.db, integrationId);
  if (!integration) throw new ApiProblem(404, 'not_found', `no integration with id ${integrationId}`);
  const ticketId = randomUUID();
  await deps.db.transaction(async (tx) => {
    let made: boolean;
    let payload: Record<string, unknown>;
    let alertId: string | null = null;
    if ('alertId' in about) {
      const alert = await findAlert(tx, about.alertId);
      if (!alert) throw new ApiProblem(404, 'not_found', `no alert with id ${about.alertId}`);
      alertId = alert.id;
      const d = alert.details as { assetId?: string; deviceId?: string };
      made = await insertTicket(tx, { id: ticketId, integrationId, alertId: alert.id, findingId: null, assetId: d.assetId ?? null, deviceId: d.deviceId ?? null, about: alert.summary });
      payload = { ticketId, ...ticketContent(alert) };
    } else {
      if ((await missingTables(tx, ['findings'])).length) throw new ApiProblem(404, 'not_found', 'reconciliation findings are not available');
      const f = await findFindingForTicket(tx, about.findingId);
      if (!f) throw new ApiProblem(404, 'not_found', `no finding with id ${about.findingId}`);
      made = await insertTicket(tx, { id: ticketId, integrationId, alertId: null, findingId: f.id, assetId: f.asset_id, deviceId: f.device_id, about: f.summary });
      payload = {
        ticketId, title: `[finding] ${f.summary}`, severity: f.type === 'missing' ? 'warning' : 'info', reference: `finding:${f.id}`,
        description: [f.summary, '', `Finding: ${f.type}${f.subtype ? ` (${f.subtype})` : ''}`, `Detected: ${new Date(f.first_detected).toISOString()}`, '', JSON.stringify(f.details, null, 2)].join('\n'),
      };
    }
    if (!made) throw new ApiProblem(409, 'ticket_exists', `${integration.name} already has a ticket for this ${alertId ? 'alert' : 'finding'}`);
    await enqueueDeliveries(tx, [{ channel: 'ticket', event: 'ticket.open', alertId, targetId: integrationId, payload }]);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'ticket.open', objectType: 'ticket', objectId: ticketId, after: { integrationId, ...about } });
  });
  return ticketView((await findTicket(deps.db, ticketId))!);
}

/** Queues the closing of tickets whose finding was resolved or dismissed. */
export async function closeSettledFindingTickets(deps: AlertDeps): Promise<number> {
  if ((await missingTables(deps.db, ['findings'])).length) return 0;
  const settled = await findingTicketsToClose(deps.db);
  await enqueueDeliveries(deps.db, settled.map((t) => ({
    channel: 'ticket' as const, event: 'ticket.close', alertId: null, targetId: t.integration_id,
    payload: { ticketId: t.id, note: `The finding was settled in Steward: ${t.about}` },
  })));
  return settled.length;
}
