import type { Logger } from 'pino';
import type { CollectorContext } from '../context.js';
import type { LiveEvents } from '../services/live-events.js';
import type { MasterKeys } from '../services/secrets.js';
import type { Database } from '../store/database.js';
import { outboundPolicy, type OutboundPolicy } from './outbound/address-policy.js';

export interface RetryPolicy {
  /** Delay before the second attempt; each later one waits twice as long, up to maxMs. */
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** What the alert engine and its channels need from the running collector. */
export interface AlertDeps {
  db: Database;
  live: LiveEvents;
  keys: MasterKeys;
  log: Logger;
  policy: OutboundPolicy;
  retry: RetryPolicy;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 6 * 3600_000, maxAttempts: 10 };

/** The collector's settings for alerts (see config.ts: outboundAllow, alertIntervalSeconds). */
interface AlertConfig {
  /** Addresses (CIDR, IP or host name) outgoing requests may reach although the policy refuses them. */
  outboundAllow: string[];
  alertIntervalSeconds: number;
}

export function alertConfigOf(ctx: CollectorContext): AlertConfig {
  return { outboundAllow: ctx.config.outboundAllow, alertIntervalSeconds: ctx.config.alertIntervalSeconds };
}

export function alertDepsFrom(ctx: CollectorContext, overrides: Partial<AlertDeps> = {}): AlertDeps {
  const allow = alertConfigOf(ctx).outboundAllow;
  return {
    db: ctx.db,
    live: ctx.live,
    keys: ctx.secrets,
    log: ctx.log,
    policy: outboundPolicy(allow),
    retry: DEFAULT_RETRY,
    ...overrides,
  };
}
