import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import { claimJob, createJob, finishJob, readJob, type JobRow } from '../../store/jobs.js';
import { runFullReconciliation } from './full-reconciliation.js';
import { RunStopped } from './stop-signal.js';

export const FULL_RECONCILIATION_JOB = 'reconcile.full';
const SETTLED = new Set(['done', 'failed', 'cancelled']);

/**
 * Full reconciliations asked for over the API, as jobs kept in the database: the request answers
 * with the job at once, the collector that took it runs it (or another, polling, if this one is
 * busy or stops), and any collector answers the poll from the job's row.
 */
export class ReconcileJobs {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly signal: AbortSignal,
    /** Called after each run, so queued per-device work the run did not cover is taken up. */
    private readonly afterRun: () => void,
  ) {}

  async request(requestedBy: string): Promise<string> {
    const id = randomUUID();
    await createJob(this.db, id, FULL_RECONCILIATION_JOB, requestedBy);
    this.kick();
    return id;
  }

  read(id: string): Promise<JobRow | undefined> {
    return readJob(this.db, id, FULL_RECONCILIATION_JOB);
  }

  /** Resolves with the job once it is done, failed or cancelled. */
  async settled(id: string, pollMs = 200): Promise<JobRow | undefined> {
    for (;;) {
      const job = await this.read(id);
      if (!job || SETTLED.has(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Runs the queued jobs, or asks the running loop to look again when it is done. */
  kick(): void {
    if (this.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runQueued()
      .catch((error: unknown) => this.log.warn({ err: (error as Error).message }, 'reconcile: queued runs not taken'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Resolves when no job is running here; after the signal, when the one running has stopped. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async runQueued(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.signal.aborted) return;
        const id = await claimJob(this.db, FULL_RECONCILIATION_JOB);
        if (!id) break;
        await this.runOne(id);
      }
    } while (this.again && !this.signal.aborted);
  }

  private async runOne(id: string): Promise<void> {
    try {
      const run = await runFullReconciliation(this.db, { signal: this.signal });
      await finishJob(this.db, id, 'done', { result: run });
      this.log.info({ job: id, ...run }, 'reconcile: full reconciliation on demand');
      this.afterRun();
    } catch (error) {
      if (error instanceof RunStopped) {
        await finishJob(this.db, id, 'cancelled', { error: `${error.message}; the part under way was rolled back and the run is not recorded as complete` });
        this.log.warn({ job: id }, 'reconcile: full reconciliation stopped for shutdown; the part under way was rolled back and the run is not recorded as complete');
      } else {
        await finishJob(this.db, id, 'failed', { error: (error as Error).message });
        this.log.error({ job: id, err: (error as Error).message }, 'reconcile: full reconciliation on demand failed');
      }
    }
  }
}
