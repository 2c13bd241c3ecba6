import type { CollectorContext } from '../context.js';
import { claimJob, ensureJob } from '../store/alerts/job-leases.js';
import { refreshDomains } from './lookup-domain.js';

const JOB = 'domains.refresh';
const CHECK_EVERY_MS = 60_000;
/** Registrations change rarely; once a day finds a lapse weeks before it matters. */
export const DOMAIN_REFRESH_MS = 24 * 3_600_000;

/** Refreshes the watched domains once a day, on whichever collector claims the turn. */
export class DomainRefresher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: CollectorContext, private readonly collectorId: string) {}

  start(): void {
    this.timer = setInterval(() => { this.running = this.turn(); }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async turn(): Promise<void> {
    try {
      const now = new Date();
      await ensureJob(this.ctx.db, JOB, now);
      if (!(await claimJob(this.ctx.db, JOB, this.collectorId, now, new Date(now.getTime() + DOMAIN_REFRESH_MS)))) return;
      const outcome = await refreshDomains(this.ctx);
      this.ctx.log.info(outcome, 'domains refreshed');
    } catch (error) {
      this.ctx.log.warn({ err: (error as Error).message }, 'domain refresh not run');
    }
  }
}
