import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import { rulesGeneration } from '../../store/reconcile/generation.js';
import { claimProducts, claimQueuedDevices, dropQueuedDevice, queueDevices, registerFingerprint } from '../../store/reconcile/queue.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { readSetting } from '../../store/settings.js';
import type { LiveEvents } from '../../services/live-events.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { LAST_FULL_GENERATION_KEY, LAST_FULL_RUN_KEY, runFullReconciliation } from './full-reconciliation.js';
import { rematchAll } from './match-all.js';
import { reconcileDeviceIn } from './reconcile-device.js';
import { ReconcileJobs } from './reconcile-jobs.js';
import { RunStopped } from './stop-signal.js';
import { recomputePositionsIn } from './recompute-positions.js';

const POLL_MS = 5_000;
const SCHEDULE_MS = 30_000;
const PRODUCT_BATCH = 200;

class DeviceFailed extends Error {
  constructor(readonly deviceId: string, cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/**
 * Keeps reconciliation current: every `device.changed` event queues the device (every collector
 * hears it, the queue keeps one entry), and whichever collector claims the entry first reconciles
 * it, then recomputes the positions that moved. A full reconciliation runs on a schedule, after a
 * rules change, and is shared by the same means; a register change rematches every device.
 */
export class ReconcileWorker {
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;
  private lastRegister: string | undefined;
  private scheduling: Promise<void> | undefined;
  /** Fires on stop: a full reconciliation under way stops with it rather than holding the stop for minutes. */
  private readonly halt = new AbortController();
  /** Full reconciliations asked for over the API. */
  readonly jobs: ReconcileJobs;

  constructor(private readonly db: Database, private readonly log: Logger, private readonly live?: LiveEvents) {
    this.jobs = new ReconcileJobs(db, log, this.halt.signal, () => this.kick());
  }

  async start(): Promise<void> {
    await ensureShippedCatalogue(this.db);
    this.lastRegister = await registerFingerprint(this.db);
    this.unsubscribe = this.live?.subscribe((event) => {
      if (event.type === 'device.changed') void this.enqueue(event.deviceId, { softwareOnly: event.softwareOnly === true });
    });
    // Jobs are polled too: one asked for on a collector that stopped before taking it is taken here.
    this.timers.push(setInterval(() => {
      this.kick();
      this.jobs.kick();
    }, POLL_MS));
    this.timers.push(setInterval(() => void this.scheduled(), SCHEDULE_MS));
    for (const t of this.timers) t.unref();
    this.kick();
    this.jobs.kick();
  }

  async enqueue(deviceId: string, options: { softwareOnly?: boolean } = {}): Promise<void> {
    try {
      await queueDevices(this.db, [deviceId], options);
      this.kick();
    } catch (error) {
      this.log.warn({ err: (error as Error).message, deviceId }, 'reconcile: device not queued');
    }
  }

  /** Starts draining the queues, or asks the running drain to look again when it is done. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when the queues are empty as far as this collector can see. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.oneDevice()));
        while (!this.stopped && (await this.someProducts()));
      } catch (error) {
        if (error instanceof DeviceFailed) {
          this.log.error({ err: error.message, deviceId: error.deviceId }, 'reconcile: device failed; left to the next full reconciliation');
          await dropQueuedDevice(this.db, error.deviceId).catch(() => undefined);
          this.again = true;
        } else {
          this.log.warn({ err: (error as Error).message }, 'reconcile: queue not drained');
        }
      }
    } while (this.again && !this.stopped);
  }

  private oneDevice(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [claimed] = await claimQueuedDevices(tx, 1);
      if (!claimed) return false;
      const { deviceId, softwareOnly } = claimed;
      try {
        await reconcileDeviceIn(this.db, tx, deviceId, { softwareOnly });
      } catch (error) {
        throw new DeviceFailed(deviceId, error);
      }
      return true;
    });
  }

  private someProducts(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const products = await claimProducts(tx, PRODUCT_BATCH);
      if (products.length === 0) return false;
      await recomputePositionsIn(tx, products, new Date(), 'changed');
      return true;
    });
  }

  /** Runs what is due: a full reconciliation by schedule or after a rules change, a rematch after a register change. */
  async scheduled(): Promise<void> {
    if (this.stopped || this.scheduling) return;
    this.scheduling = this.scheduledWork().finally(() => {
      this.scheduling = undefined;
    });
    await this.scheduling;
  }

  private async scheduledWork(): Promise<void> {
    try {
      const settings = await readReconcileSettings(this.db);
      const last = await readSetting<string>(this.db, LAST_FULL_RUN_KEY);
      const lastGeneration = await readSetting<number>(this.db, LAST_FULL_GENERATION_KEY);
      const due = !last || Date.now() - new Date(last).getTime() >= settings.fullIntervalMinutes * 60_000
        || lastGeneration !== (await rulesGeneration(this.db));
      if (due) {
        const run = await runFullReconciliation(this.db, { wait: false, signal: this.halt.signal });
        if (run) this.log.info(run, 'reconcile: full reconciliation');
        this.lastRegister = await registerFingerprint(this.db);
      } else {
        const register = await registerFingerprint(this.db);
        if (register !== this.lastRegister) {
          this.lastRegister = register;
          await rematchAll(this.db);
          this.kick();
        }
      }
    } catch (error) {
      if (error instanceof RunStopped) {
        this.log.warn('reconcile: full reconciliation stopped for shutdown; the part under way was rolled back and the run is not recorded as complete');
      } else {
        this.log.warn({ err: (error as Error).message }, 'reconcile: scheduled work failed');
      }
    }
  }

  /** Stops the queues and any full reconciliation under way, and waits for them to let go. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halt.abort();
    for (const t of this.timers) clearInterval(t);
    this.unsubscribe?.();
    await Promise.all([this.draining, this.scheduling, this.jobs.idle()]);
  }
}
