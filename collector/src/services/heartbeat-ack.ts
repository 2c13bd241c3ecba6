import type { CollectorMessage } from '@steward/shared';
import type { CollectorContext } from '../context.js';

/** Longest spread asked of reconnecting agents, whatever the crowd. */
const MAX_RECONNECT_SPREAD_SECONDS = 600;

/**
 * The answer to a stored heartbeat: the interval this collector wants, and how widely to spread a
 * reconnection if the channel drops (its connected agents over the connections a second it takes),
 * so a restarted collector is not met by every agent in the same second.
 */
export function heartbeatAck(ctx: CollectorContext, at: Date): CollectorMessage {
  const spread = Math.ceil(ctx.agents.count / ctx.config.reconnectsPerSecond);
  return {
    type: 'heartbeat-ack',
    serverTime: at.toISOString(),
    heartbeatIntervalSeconds: ctx.config.heartbeatIntervalSeconds,
    reconnectSpreadSeconds: Math.min(MAX_RECONNECT_SPREAD_SECONDS, Math.max(1, spread)),
  };
}
