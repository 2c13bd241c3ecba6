import { hostname } from 'node:os';
import { claimJob, ensureJob } from '../store/alerts/job-leases.js';
import { readNotificationSettings } from '../store/alerts/notification-settings.js';
import type { AlertDeps } from './alert-deps.js';
import { drainDeliveries } from './delivery-worker.js';
import { queueDigests } from './digest.js';
import { evaluateAlerts } from './evaluate-alerts.js';
import { DIGEST_JOB, digestScheduleOf, nextCronRun } from './notification-service.js';

export const EVALUATE_JOB = 'alerts.evaluate';

/** Work that runs on every tick besides evaluation and digests (scheduled reports, ticket upkeep). */
export type TickJob = (deps: AlertDeps, now: Date) => Promise<unknown>;

export interface SchedulerOptions {
  /** How often the rules are evaluated, across all collectors sharing the database. */
  intervalSeconds: number;
  /** How often this collector looks for due work. */
  tickSeconds: number;
  /** Wait after start before the first tick, so a starting collector settles first. */
  firstTickSeconds: number;
  /** Names this collector in job leases. */
  holder: string;
  jobs: TickJob[];
}

export interface TickResult {
  evaluated: boolean;
  digests: number;
}

async function nextDigestRun(deps: AlertDeps, now: Date): Promise<Date> {
  const schedule = digestScheduleOf((await readNotificationSettings(deps.db)).digest);
  return nextCronRun(schedule.cron, schedule.timezone, now) ?? new Date(now.getTime() + 86_400_000);
}

/**
 * Runs the alert engine on a schedule shared by every collector on the database: each shared job
 * is claimed through its lease row, so one collector evaluates per interval and one sends each
 * digest, whichever they are. Deliveries are drained by every collector (rows are claimed one by one).
 */
export class AlertScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly deps: AlertDeps, private readonly options: SchedulerOptions) {}

  start(): void {
    this.schedule(this.options.firstTickSeconds);
  }

  private schedule(seconds: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().catch((error: unknown) => this.deps.log.error({ err: error }, 'alert scheduler tick failed'))
        .finally(() => this.schedule(this.options.tickSeconds));
    }, seconds * 1000);
    this.timer.unref();
  }

  /** One round of due work as of `now`; tests call it with a moved clock. */
  async tick(now = new Date()): Promise<TickResult> {
    const { db } = this.deps;
    const result: TickResult = { evaluated: false, digests: 0 };
    await ensureJob(db, EVALUATE_JOB, new Date(0));
    if (await claimJob(db, EVALUATE_JOB, this.options.holder, now, new Date(now.getTime() + this.options.intervalSeconds * 1000))) {
      await evaluateAlerts(this.deps, now);
      result.evaluated = true;
    }
    await ensureJob(db, DIGEST_JOB, await nextDigestRun(this.deps, now));
    if (await claimJob(db, DIGEST_JOB, this.options.holder, now, await nextDigestRun(this.deps, now))) {
      result.digests = await queueDigests(this.deps, now);
    }
    for (const job of this.options.jobs) await job(this.deps, now);
    await drainDeliveries(this.deps);
    return result;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

export function defaultSchedulerOptions(overrides: Partial<SchedulerOptions> = {}): SchedulerOptions {
  return { intervalSeconds: 300, tickSeconds: 15, firstTickSeconds: 10, holder: `${hostname()}:${process.pid}`, jobs: [], ...overrides };
}
