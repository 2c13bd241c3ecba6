import type { CollectorMessage } from '@steward/shared';
import type { CollectorContext } from '../context.js';

/** Longest spread asked of reconnecting agents, whatever the crowd. */
const MAX_RECONNECT_SPREAD_SECONDS = 600;

/**
 * The answer to a stored heartbeat: the interval this collector wants, and how widely to spread a
 * reconnection if the channel drops (its connected agents over the connections a second it takes),
 * so a restarted collector is not met by every agent in the same second.
 */
export function heartbeatAck(ctx: CollectorContext, at: Date): CollectorMessage & { type: 'heartbeat-ack' } {
  const spread = Math.ceil(ctx.agents.count / ctx.config.reconnectsPerSecond);
  return {
    type: 'heartbeat-ack',
    serverTime: at.toISOString(),
    heartbeatIntervalSeconds: ctx.config.heartbeatIntervalSeconds,
    reconnectSpreadSeconds: Math.min(MAX_RECONNECT_SPREAD_SECONDS, Math.max(1, spread)),
  };
}

/** What a channel's agent was last told, and when (epoch milliseconds). */
export interface ToldAgent {
  heartbeatIntervalSeconds?: number;
  reconnectSpreadSeconds?: number;
  at: number;
}

/** Longest an agent goes unacknowledged: a spread that drifted a little at a time is brought up to date by then. */
const ACK_REFRESH_MS = 10 * 60_000;

/**
 * Whether an acknowledgement tells the agent something it does not know: the first on a channel,
 * a new interval, a reconnection spread moved by more than a fifth, or ten minutes since the last.
 * Acknowledging every heartbeat cost a frame and a system call each, at 100,000 agents over three
 * thousand a second saying nothing new; agents never take a missing acknowledgement for a lost heartbeat.
 */
export function ackTellsSomething(told: ToldAgent | undefined, ack: CollectorMessage & { type: 'heartbeat-ack' }, nowMs: number): boolean {
  if (!told || nowMs - told.at >= ACK_REFRESH_MS) return true;
  if (ack.heartbeatIntervalSeconds !== told.heartbeatIntervalSeconds) return true;
  const before = told.reconnectSpreadSeconds ?? 0;
  const after = ack.reconnectSpreadSeconds ?? 0;
  return Math.abs(after - before) > Math.max(1, before / 5);
}
