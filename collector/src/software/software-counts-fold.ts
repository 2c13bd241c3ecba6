import type { CollectorContext } from '../context.js';
import { foldSoftwareCountChanges, vacuumSoftwareCountChanges } from '../store/software-counts.js';

/** Changes folded per transaction: short enough not to hold the embedded database long. */
const PER_TRANSACTION = 2_000;
/** At most this many transactions a round, so a backlog is worked off over rounds, beside other work. */
const MOST_PER_ROUND = 500;

/**
 * Adds the installs' count changes into the software counts every few seconds, on every collector;
 * searches are exact without it, and quicker with it, as they then read few changes.
 */
export function startSoftwareCountFold(ctx: Pick<CollectorContext, 'db' | 'log'>, everyMs = 5_000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopping = false;
  const round = async () => {
    let any = false;
    for (let n = 0; n < MOST_PER_ROUND && !stopping; n++) {
      const folded = await ctx.db.transaction((tx) => foldSoftwareCountChanges(tx, PER_TRANSACTION));
      any ||= folded > 0;
      if (folded < PER_TRANSACTION) break;
    }
    if (any) await vacuumSoftwareCountChanges(ctx.db);
  };
  const tick = () => {
    running ??= round()
      .catch((error: Error) => ctx.log.warn({ err: error.message }, 'software counts not brought up to date; trying again shortly'))
      .finally(() => { running = undefined; });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
