import {
  claimDueDeliveries, markDelivered, markFailed, markRetry, markWaiting, type DeliveryRow,
} from '../store/alerts/deliveries.js';
import { renderReportAttachment, type ReportAttachmentRequest } from '../reports/report-attachment.js';
import type { AlertDeps } from './alert-deps.js';
import { AttemptFailed, NotYet, PermanentFailure } from './channels/delivery-outcome.js';
import { sendEmail } from './channels/email-sender.js';
import { giveUpTicket, sendTicketOperation } from './channels/ticket-sender.js';
import { sendWebhook } from './channels/webhook-sender.js';
import { metrics } from './metrics.js';

async function send(deps: AlertDeps, d: DeliveryRow): Promise<number | null> {
  const p = d.payload;
  if (d.channel === 'email') {
    const message = { to: p.to as string[], subject: String(p.subject), text: String(p.text), attachments: p.report ? await renderReportAttachment(deps.db, p.report as ReportAttachmentRequest) : undefined };
    await sendEmail(deps, message);
    return null;
  }
  if (d.channel === 'webhook') return sendWebhook(deps, d.target_id!, d.id, d.event, String(p.body));
  await sendTicketOperation(deps, d.event, d.target_id!, p as never);
  return null;
}

/** The wait before the next attempt: doubling from baseMs, capped, with a little jitter so retries spread. */
export function retryDelay(deps: AlertDeps, attempts: number): number {
  const plain = Math.min(deps.retry.baseMs * 2 ** Math.max(attempts - 1, 0), deps.retry.maxMs);
  return Math.round(plain * (0.9 + Math.random() * 0.2));
}

async function settle(deps: AlertDeps, d: DeliveryRow, error: unknown): Promise<'retry' | 'failed' | 'waiting'> {
  const message = (error as Error).message ?? String(error);
  const status = error instanceof AttemptFailed || error instanceof PermanentFailure ? error.status : null;
  if (error instanceof NotYet) {
    await markWaiting(deps.db, d.id, message, retryDelay(deps, 1));
    return 'waiting';
  }
  if (error instanceof PermanentFailure || d.attempts >= deps.retry.maxAttempts) {
    await markFailed(deps.db, d.id, message, status);
    if (d.event === 'ticket.open') await giveUpTicket(deps, String(d.payload.ticketId));
    deps.log.warn({ delivery: d.id, channel: d.channel, event: d.event, err: message }, 'delivery failed for good');
    return 'failed';
  }
  if (!(error instanceof AttemptFailed)) deps.log.error({ err: error, delivery: d.id }, 'delivery failed unexpectedly');
  await markRetry(deps.db, d.id, message, status, retryDelay(deps, d.attempts));
  return 'retry';
}

export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Sends the deliveries that are due, in batches, until none is left (or `maxBatches` is reached).
 * Several collectors may drain at once: each claims different rows.
 */
export async function drainDeliveries(deps: AlertDeps, options: { batch?: number; maxBatches?: number } = {}): Promise<DrainResult> {
  const result: DrainResult = { delivered: 0, retried: 0, failed: 0 };
  for (let i = 0; i < (options.maxBatches ?? 20); i++) {
    const due = await claimDueDeliveries(deps.db, options.batch ?? 20, 120);
    if (due.length === 0) break;
    for (const d of due) {
      try {
        const status = await send(deps, d);
        await markDelivered(deps.db, d.id, status);
        result.delivered += 1;
        metrics.deliveries.inc({ channel: d.channel, outcome: 'delivered' });
      } catch (error) {
        const outcome = await settle(deps, d, error);
        if (outcome === 'failed') result.failed += 1;
        else result.retried += 1;
        metrics.deliveries.inc({ channel: d.channel, outcome });
      }
    }
  }
  return result;
}
