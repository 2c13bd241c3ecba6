import type { CollectorContext } from '../context.js';
import { prunePresence } from '../store/presence-retention.js';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps presence history to its retention window on PostgreSQL and the embedded database, hourly;
 * on TimescaleDB its retention policy drops whole chunks instead and this does nothing.
 */
export function startPresenceRetention(ctx: Pick<CollectorContext, 'db' | 'databaseKind' | 'log'>): { stop(): Promise<void> } {
  if (ctx.databaseKind === 'timescaledb') return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const prune = () => {
    running ??= ctx.db.transaction((tx) => prunePresence(tx))
      .then((deleted) => { if (deleted) ctx.log.info({ deleted }, 'presence history past retention deleted'); })
      .catch((error: Error) => ctx.log.warn({ err: error.message }, 'presence history not pruned; trying again next hour'))
      .finally(() => { running = undefined; });
  };
  const timer = setInterval(prune, EVERY_MS);
  timer.unref();
  prune();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
