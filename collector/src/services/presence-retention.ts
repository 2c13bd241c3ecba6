import type { CollectorContext } from '../context.js';
import { prunePresence } from '../store/presence-retention.js';
import { startPeriodicTask, type PeriodicTask } from './periodic-task.js';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps presence history to its retention window on PostgreSQL and the embedded database, hourly;
 * on TimescaleDB its retention policy drops whole chunks instead and this does nothing.
 */
export function startPresenceRetention(ctx: Pick<CollectorContext, 'db' | 'databaseKind' | 'log'>): PeriodicTask {
  if (ctx.databaseKind === 'timescaledb') return { stop: async () => undefined };
  return startPeriodicTask(EVERY_MS, async () => {
    const deleted = await ctx.db.transaction((tx) => prunePresence(tx));
    if (deleted) ctx.log.info({ deleted }, 'presence history past retention deleted');
  }, (error) => ctx.log.warn({ err: error.message }, 'presence history not pruned; trying again next hour'));
}
