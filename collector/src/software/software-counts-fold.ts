import type { CollectorContext } from '../context.js';
import { startPeriodicTask, type PeriodicTask } from '../services/periodic-task.js';
import { foldSoftwareCountChanges, vacuumSoftwareCountChanges } from '../store/software-counts.js';

/**
 * Changes folded per transaction: on the embedded database few enough that one statement does not
 * hold its only session long; on a server, many, since a larger batch adds up more changes of the
 * same title before writing its count.
 */
const PER_TRANSACTION = { embedded: 2_000, server: 20_000 } as const;
/** At most this many changes a round, so a backlog is worked off over rounds, beside other work. */
const MOST_PER_ROUND = 1_000_000;

/**
 * Adds the installs' count changes into the software counts every few seconds, on every collector;
 * searches are exact without it, and quicker with it, as they then read few changes.
 */
export function startSoftwareCountFold(ctx: Pick<CollectorContext, 'db' | 'log' | 'databaseKind'>, everyMs = 5_000): PeriodicTask {
  const batch = PER_TRANSACTION[ctx.databaseKind === 'embedded' ? 'embedded' : 'server'];
  return startPeriodicTask(everyMs, async (state) => {
    let any = false;
    for (let n = 0; n < MOST_PER_ROUND / batch && !state.stopping; n++) {
      const folded = await ctx.db.transaction((tx) => foldSoftwareCountChanges(tx, batch));
      any ||= folded > 0;
      if (folded < batch) break;
    }
    if (any) await vacuumSoftwareCountChanges(ctx.db);
  }, (error) => ctx.log.warn({ err: error.message }, 'software counts not brought up to date; trying again shortly'));
}
