import type { Logger } from 'pino';
import { backoffDelayMs, sleep } from './backoff.js';
import type { CollectorClient } from './client.js';
import type { ReportSpool } from './spool.js';
import type { AgentState } from './state.js';

export interface DeliveryOptions {
  /** Give up retrying after this long (the reports stay spooled for the next run). */
  deadlineMs: number;
  /** Called when the collector no longer knows this agent's token; returns a fresh identity. */
  reenroll: () => Promise<AgentState>;
  signal?: AbortSignal;
}

/**
 * Sends every spooled report, oldest first, until the spool is empty or the deadline passes.
 * Delivery is at-least-once: a report leaves the spool only once the collector has answered that it
 * holds it, and the collector de-duplicates by report id.
 */
export async function deliverSpool(
  client: CollectorClient,
  spool: ReportSpool,
  initialState: AgentState,
  log: Logger,
  options: DeliveryOptions,
): Promise<{ delivered: number; pending: number }> {
  const deadline = Date.now() + options.deadlineMs;
  let state = initialState;
  let delivered = 0;
  let attempt = 0;
  let reenrolled = false;
  for (;;) {
    const next = spool.pending()[0];
    if (!next || options.signal?.aborted) break;
    const outcome = await client.sendReport(state, spool.read(next));
    if (outcome.kind === 'stored') {
      spool.remove(next);
      delivered++;
      attempt = 0;
      log.info({ reportId: outcome.answer.reportId, duplicate: outcome.answer.duplicate, software: outcome.answer.softwareCount }, 'report delivered');
      continue;
    }
    if (outcome.kind === 'rejected') {
      log.error({ file: next, status: outcome.status, reason: outcome.reason }, 'collector refused the report; set aside');
      spool.reject(next);
      continue;
    }
    if (outcome.kind === 'unauthorized' && !reenrolled) {
      log.warn({ reason: outcome.reason }, 'token refused; enrolling again');
      reenrolled = true;
      state = await options.reenroll();
      continue;
    }
    if (outcome.kind === 'unauthorized') throw new Error(`collector refuses this agent: ${outcome.reason}`);
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelayMs(attempt++));
    if (Date.now() + wait > deadline) {
      log.warn({ reason: outcome.reason, pending: spool.pending().length }, 'collector unreachable; reports stay spooled');
      break;
    }
    log.warn({ reason: outcome.reason, retryInMs: wait }, 'collector unreachable; retrying');
    await sleep(wait);
  }
  return { delivered, pending: spool.pending().length };
}
