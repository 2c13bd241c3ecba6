import type { Logger } from 'pino';
import type { ReportAnswer } from '@steward/shared/protocol';
import { backoffDelayMs, sleep } from './backoff.js';
import type { CollectorClient } from './client.js';
import type { ReportSpool, SpoolItem } from './spool.js';
import type { AgentState } from './state.js';

export interface DeliveryHooks {
  /** The collector holds the report; `answer` says what content it now holds. */
  stored(item: SpoolItem, body: string, answer: ReportAnswer): void;
  /** The collector cannot apply the report: replace it and everything after it with one full report. */
  resync(reason: string): void;
  /** The collector no longer knows this agent's token; returns a fresh identity. */
  reenroll(): Promise<AgentState>;
}

export interface DeliveryOptions {
  /** Give up retrying after this long (the reports stay spooled for the next run). */
  deadlineMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs?: number;
  hooks: DeliveryHooks;
  signal?: AbortSignal;
}

/** Waits, but no longer than until the signal fires. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal!.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Sends every spooled report, oldest first, until the spool is empty or the deadline passes.
 * Delivery is at-least-once: a report leaves the spool only once the collector has answered that it
 * holds it, and the collector de-duplicates by report id. Waits between attempts are exponential
 * with full jitter, so agents that lost the collector together do not return together.
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
    let body: string;
    try {
      body = spool.read(next.name);
    } catch {
      // Folded away meanwhile; one that is still there but unreadable must not block the queue.
      if (spool.pending()[0]?.name === next.name) spool.reject(next.name);
      continue;
    }
    const outcome = await client.sendReport(state, body);
    if (outcome.kind === 'stored') {
      spool.remove(next.name);
      delivered++;
      attempt = 0;
      options.hooks.stored(next, body, outcome.answer);
      log.info({ reportId: outcome.answer.reportId, kind: next.kind, bytes: next.bytes, duplicate: outcome.answer.duplicate, software: outcome.answer.softwareCount }, 'report delivered');
      continue;
    }
    if (outcome.kind === 'resync') {
      log.info({ reportId: next.name, reason: outcome.reason }, 'collector asks for a full report');
      options.hooks.resync(outcome.reason);
      continue;
    }
    if (outcome.kind === 'rejected') {
      log.error({ file: next.name, status: outcome.status, reason: outcome.reason }, 'collector refused the report; set aside');
      spool.reject(next.name);
      // The reports after a refused delta build on it: a full report replaces them.
      if (next.kind !== 'full') options.hooks.resync('a delta was refused');
      continue;
    }
    if (outcome.kind === 'unauthorized' && !reenrolled) {
      log.warn({ reason: outcome.reason }, 'token refused; enrolling again');
      reenrolled = true;
      state = await options.hooks.reenroll();
      continue;
    }
    if (outcome.kind === 'unauthorized') throw new Error(`collector refuses this agent: ${outcome.reason}`);
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelayMs(attempt++, 1000, options.maxBackoffMs));
    if (Date.now() + wait > deadline) {
      log.warn({ reason: outcome.reason, pending: spool.pending().length }, 'collector unreachable; reports stay spooled');
      break;
    }
    log.warn({ reason: outcome.reason, retryInMs: wait }, 'collector unreachable; retrying');
    await pause(wait, options.signal);
  }
  return { delivered, pending: spool.pending().length };
}
