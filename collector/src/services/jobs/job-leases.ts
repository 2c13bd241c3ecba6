import type { Logger } from 'pino';
import type { Queryable } from '../../store/database.js';
import { reclaimLapsedJobs, renewJobLeases, thisProcess, type JobHolder } from '../../store/jobs.js';

/** A job is run twice at most: once, and again if its first collector died under it. */
export const JOB_ATTEMPTS = 2;

/**
 * Keeps this collector's job leases alive and takes back the jobs of collectors that stopped
 * renewing theirs. Renewing three times a lease keeps a job held through a missed tick or two; the
 * lapsed jobs go back to the queue, where every collector's workers poll.
 */
export function startJobLeases(
  db: Queryable, log: Logger, options: { holder?: JobHolder; onReclaimed?: () => void } = {},
): { stop(): Promise<void> } {
  const holder = options.holder ?? thisProcess;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      await renewJobLeases(db, holder);
      const reclaimed = await reclaimLapsedJobs(db, JOB_ATTEMPTS, holder);
      for (const job of reclaimed) {
        const fields = { job: job.id, kind: job.kind, heldBy: job.heldBy, attempts: job.attempts };
        if (job.state === 'queued') log.warn(fields, 'job taken back from a collector that stopped renewing its lease; queued again');
        else log.error(fields, 'job taken back from a collector that stopped renewing its lease a second time; marked failed');
      }
      if (reclaimed.some((job) => job.state === 'queued')) options.onReclaimed?.();
    })()
      .catch((error: Error) => log.warn({ err: error.message }, 'job leases not renewed; trying again'))
      .finally(() => { running = undefined; });
  };
  const timer = setInterval(tick, Math.max(500, (holder.leaseSeconds * 1000) / 3));
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
