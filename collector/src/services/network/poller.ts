import type { PollingSettings, SnmpCredential } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { insertInterfaceCounters, insertReachability, interfaceSpeeds, pruneSamples, updateInterfaceStatus } from '../../store/network/samples.js';
import {
  claimDueTargets, completePoll, nextDueAt, releaseLeases, setTargetSchedule, touchSnmpDevice, type ClaimedTarget,
} from '../../store/network/targets.js';
import { openCredentialSets } from './credentials.js';
import { pollDevice, type PollOutcome } from './poll-device.js';
import { currentPollingSettings } from './polling-settings.js';
import { settlesWithin, STOP_WAIT_MS } from './settles-within.js';

const PRUNE_EVERY_MS = 3600_000;

/**
 * Polls discovered devices on their schedule. Every collector on the same database runs one; they
 * share the devices by claiming due ones under a lease (see claimDueTargets), so none is polled
 * twice in one interval and none is forgotten when a collector dies: its leases simply run out.
 */
export class NetworkPoller {
  private readonly inFlight = new Map<string, Promise<void>>();
  private loop: Promise<void> | undefined;
  private stopped = false;
  /** Set when polls under way are left (the collector died or stopped): they write nothing. */
  private abandoned = false;
  private wake: (() => void) | undefined;
  private lastPruneAt = 0;

  constructor(private readonly ctx: CollectorContext, readonly collectorId: string) {}

  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Stops claiming and lets the polls under way finish and record, for a few seconds: polls still
   * running then are left, write nothing, and their devices wait for their leases to end.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (!(await settlesWithin(Promise.all(this.inFlight.values()), STOP_WAIT_MS))) this.abandoned = true;
  }

  /**
   * Stops at once as if the collector had died: nothing more is written and no lease is given
   * back, so the devices it held wait for their leases to run out.
   */
  async halt(): Promise<void> {
    this.abandoned = true;
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let delayMs: number;
      try {
        const settings = await currentPollingSettings(this.ctx.db);
        const free = settings.concurrency - this.inFlight.size;
        const claimed = free > 0 && !this.stopped ? await claimDueTargets(this.ctx.db, this.collectorId, free, settings.leaseSeconds) : [];
        if (this.stopped) await this.giveBack(claimed);
        else for (const target of claimed) this.launch(target, settings);
        await this.pruneNowAndThen(settings);
        // Every slot busy: wait for a poll to finish (it wakes the loop); else until the next device is due.
        delayMs = this.inFlight.size >= settings.concurrency ? settings.tickMs : await this.untilNextDue(settings);
      } catch (error) {
        if (this.stopped) break;
        this.ctx.log.warn({ err: (error as Error).message }, 'network poller: claiming failed');
        delayMs = 5000;
      }
      await this.sleep(delayMs);
    }
  }

  private launch(target: ClaimedTarget, settings: PollingSettings): void {
    const poll = this.pollOne(target, settings)
      .catch((error: Error) => {
        if (!this.abandoned) this.ctx.log.warn({ err: error.message, device: target.device_id }, 'network poller: poll not recorded');
      })
      .finally(() => {
        this.inFlight.delete(target.device_id);
        this.wake?.();
      });
    this.inFlight.set(target.device_id, poll);
  }

  private async pollOne(target: ClaimedTarget, settings: PollingSettings): Promise<void> {
    const credentials = await this.credentialsFor(target);
    const speeds = await interfaceSpeeds(this.ctx.db, target.device_id);
    const outcome = await pollDevice(target, credentials, target.last_sample, speeds, settings);
    if (this.abandoned) return;
    const wasUp = await this.record(target, outcome);
    if (wasUp !== undefined && wasUp !== outcome.up) {
      this.ctx.log.info({ device: target.device_id, host: target.host, up: outcome.up, error: outcome.error }, outcome.up ? 'network device answers again' : 'network device stopped answering');
      await this.ctx.live.publish({ type: 'device.changed', deviceId: target.device_id, change: 'updated', at: new Date().toISOString() })
        .catch((error: Error) => this.ctx.log.warn({ err: error.message }, 'live event not published'));
    }
  }

  /** The set the device answered to before; every set in order when it has none (yet). */
  private async credentialsFor(target: ClaimedTarget): Promise<SnmpCredential[]> {
    const all = await openCredentialSets(this.ctx, this.ctx.db);
    const known = all.find((c) => c.id === target.credential_id);
    return known ? [known] : all;
  }

  /** Writes the poll in one transaction; undefined when another collector had taken the device over. */
  private async record(target: ClaimedTarget, outcome: PollOutcome): Promise<boolean | null | undefined> {
    return this.ctx.db.transaction(async (tx) => {
      const completed = await completePoll(tx, target.device_id, this.collectorId, { up: outcome.up, error: outcome.error, sample: outcome.sample });
      if (!completed) return undefined;
      await insertReachability(tx, target.device_id, outcome.startedAt, outcome.up, outcome.rttMs, this.collectorId);
      if (outcome.sample) {
        await insertInterfaceCounters(tx, target.device_id, new Date(outcome.sample.takenAt), outcome.counters);
        await updateInterfaceStatus(tx, target.device_id, outcome.sample.interfaces);
      }
      if (outcome.up) await touchSnmpDevice(tx, target.device_id);
      if (outcome.credentialId && outcome.credentialId !== target.credential_id) {
        await setTargetSchedule(tx, target.device_id, { credentialId: outcome.credentialId });
      }
      return completed.wasUp;
    });
  }

  private async giveBack(claimed: ClaimedTarget[]): Promise<void> {
    if (!this.abandoned) await releaseLeases(this.ctx.db, this.collectorId, claimed.map((t) => t.device_id));
  }

  private async untilNextDue(settings: PollingSettings): Promise<number> {
    const due = await nextDueAt(this.ctx.db);
    if (!due) return settings.tickMs;
    return Math.min(settings.tickMs, Math.max(50, due.getTime() - Date.now()));
  }

  private async pruneNowAndThen(settings: PollingSettings): Promise<void> {
    if (Date.now() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = Date.now();
    await this.ctx.db.transaction((tx) => pruneSamples(tx, settings.retentionDays));
  }

  /** Waits, woken early by a poll finishing (a slot is free) or by stop. */
  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
