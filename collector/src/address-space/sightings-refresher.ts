import type { CollectorContext } from '../context.js';
import { claimJob, ensureJob, readJob } from '../store/alerts/job-leases.js';
import { refreshSightings } from '../store/address-space/sightings.js';

const JOB = 'address-space.refresh';
export const SIGHTINGS_REFRESH_MS = 5 * 60_000;

/**
 * Records which device held which address, from the devices seen since the last turn: one
 * collector a turn, every five minutes, so the address space follows the estate closely without
 * touching the ingest path.
 */
export async function refreshAddressSpace(ctx: CollectorContext, holder: string): Promise<number | null> {
  const now = new Date();
  await ensureJob(ctx.db, JOB, now);
  const previous = (await readJob(ctx.db, JOB))?.last_run_at ?? null;
  const until = new Date(now.getTime() + SIGHTINGS_REFRESH_MS);
  if (!(await claimJob(ctx.db, JOB, holder, now, until))) return null;
  // A little overlap with the previous turn: a device stored while it ran is not missed.
  return refreshSightings(ctx.db, previous ? new Date(previous.getTime() - 60_000) : null);
}

export class SightingsRefresher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: CollectorContext, private readonly collectorId: string) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = refreshAddressSpace(this.ctx, this.collectorId)
        .catch((error: Error) => this.ctx.log.warn({ err: error.message }, 'address space not refreshed'));
    }, 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
