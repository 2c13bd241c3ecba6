import { randomUUID } from 'node:crypto';
import type { SnmpCredential, SnmpProbeResult, SnmpSweepOutcome, SweepRequest, SweepView } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { expandTargets, sweep, TargetSpecError } from '../../snmp/index.js';
import {
  finishSweep, getSweep, insertSweep, insertSweepResult, updateSweepProgress, type SweepProgress,
} from '../../store/network/sweeps.js';
import { rememberedCredentials } from '../../store/network/targets.js';
import { recordAudit } from '../audit.js';
import { ApiProblem } from '../errors.js';
import type { NetworkActor } from './actor.js';
import { openCredentialSets } from './credentials.js';
import { settlesWithin, STOP_WAIT_MS } from './settles-within.js';
import { storeDiscovery } from './store-discovery.js';

/** How often a running sweep writes its progress, which also tells others it is alive. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Runs discovery sweeps in the background of one collector: a request starts one and is answered
 * at once; progress and results are kept in the database so any collector can answer for them.
 */
export class SweepRunner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void>; stopping: boolean }>();
  /** Set when stopping left probes under way: what they find is no longer written. */
  private abandoned = false;

  constructor(private readonly ctx: CollectorContext, private readonly collectorId: string) {}

  async start(actor: NetworkActor, request: SweepRequest): Promise<SweepView> {
    const spec = { include: request.include, exclude: request.exclude };
    let total: number;
    try {
      total = expandTargets(spec).length;
    } catch (error) {
      if (error instanceof TargetSpecError) throw new ApiProblem(400, 'invalid_targets', `include: ${error.message}`, [`include: ${error.message}`]);
      throw error;
    }
    const credentials = await openCredentialSets(this.ctx, this.ctx.db, request.credentialIds);
    if (credentials.length === 0) throw new ApiProblem(400, 'no_credentials', 'credentialIds: no SNMP credential set is stored; add one first');
    const id = randomUUID();
    await this.ctx.db.transaction(async (tx) => {
      await insertSweep(tx, {
        id, include: request.include, exclude: request.exclude, port: request.port, credentialIds: credentials.map((c) => c.id),
        startedBy: actor.username, runBy: this.collectorId, total,
      });
      await recordAudit(tx, {
        actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'snmp-sweep.start', objectType: 'snmp-sweep', objectId: id,
        after: { include: request.include, exclude: request.exclude, port: request.port, total },
      });
    });
    const controller = new AbortController();
    const entry = { controller, stopping: false, done: Promise.resolve() };
    entry.done = this.run(id, request, credentials, controller.signal, () => entry.stopping)
      .catch((error: Error) => this.ctx.log.error({ err: error.message, sweep: id }, 'sweep failed'))
      .finally(() => this.running.delete(id));
    this.running.set(id, entry);
    this.ctx.log.info({ sweep: id, addresses: total, by: actor.username }, 'sweep started');
    return (await getSweep(this.ctx.db, id))!;
  }

  /**
   * Cancels a running sweep: marked so at once; the collector running it (this one or another)
   * stops at its next progress write, this one at once.
   */
  async cancel(actor: NetworkActor, id: string): Promise<SweepView> {
    const cancelled = await this.ctx.db.transaction(async (tx) => {
      const ended = await finishSweep(tx, id, 'cancelled', `cancelled by ${actor.username}`);
      if (ended) {
        await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'snmp-sweep.cancel', objectType: 'snmp-sweep', objectId: id });
      }
      return ended;
    });
    if (cancelled) this.running.get(id)?.controller.abort();
    const view = await getSweep(this.ctx.db, id);
    if (!view) throw new ApiProblem(404, 'not_found', `no sweep with id ${id}`);
    return view;
  }

  /**
   * Stops every sweep (the collector is shutting down): they are marked interrupted. Probes under
   * way get a few seconds to end; after that they are left, and write nothing more.
   */
  async stop(): Promise<void> {
    for (const entry of this.running.values()) {
      entry.stopping = true;
      entry.controller.abort();
    }
    if (await settlesWithin(Promise.all([...this.running.values()].map((e) => e.done)), STOP_WAIT_MS)) return;
    this.abandoned = true;
    for (const id of this.running.keys()) await finishSweep(this.ctx.db, id, 'interrupted', null).catch(() => undefined);
  }

  private async run(id: string, request: SweepRequest, credentials: SnmpCredential[], signal: AbortSignal, stopping: () => boolean): Promise<void> {
    const progress: SweepProgress = { done: 0, identified: 0, noResponse: 0, errors: 0, devicesCreated: 0, devicesUpdated: 0 };
    let position = 0;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const write = async () => {
      if (this.abandoned) return;
      // Cancelled through the API (of this collector or another): the row is no longer running.
      if (!(await updateSweepProgress(this.ctx.db, id, progress))) controller.abort();
    };
    const beat = setInterval(() => void write().catch((error: Error) => this.ctx.log.warn({ err: error.message, sweep: id }, 'sweep progress not written')), PROGRESS_EVERY_MS);
    try {
      await sweep({ include: request.include, exclude: request.exclude }, {
        credentials,
        port: request.port,
        concurrency: request.concurrency,
        timing: { timeoutMs: request.timeoutMs, retries: request.retries },
        remembered: await rememberedCredentials(this.ctx.db, request.port),
        probe: { timeoutMs: request.timeoutMs, retries: request.retries },
        signal: controller.signal,
        onOutcome: async (outcome, result) => {
          if (this.abandoned) return;
          const settled = await this.settle(outcome, result, progress);
          if (settled.outcome.status !== 'no-response') await insertSweepResult(this.ctx.db, id, position++, settled.outcome, settled.deviceId);
        },
      });
      clearInterval(beat);
      if (this.abandoned) return;
      await updateSweepProgress(this.ctx.db, id, progress);
      // A cancelled sweep is already marked so; one stopped with the collector is interrupted.
      if (controller.signal.aborted) await finishSweep(this.ctx.db, id, stopping() ? 'interrupted' : 'cancelled', null);
      else await finishSweep(this.ctx.db, id, 'finished', null);
      this.ctx.log.info({ sweep: id, ...progress }, 'sweep ended');
    } catch (error) {
      clearInterval(beat);
      if (this.abandoned) return;
      await updateSweepProgress(this.ctx.db, id, progress).catch(() => undefined);
      await finishSweep(this.ctx.db, id, 'failed', (error as Error).message.slice(0, 1024));
      throw error;
    }
  }

  /** Counts one address and stores the device it identified; a device that cannot be stored is that address's error. */
  private async settle(outcome: SnmpSweepOutcome, result: SnmpProbeResult | undefined, progress: SweepProgress): Promise<{ outcome: SnmpSweepOutcome; deviceId: string | null }> {
    progress.done++;
    if (outcome.status === 'no-response') {
      progress.noResponse++;
      return { outcome, deviceId: null };
    }
    if (outcome.status === 'error' || !result) {
      if (outcome.status === 'error') progress.errors++;
      else progress.identified++;
      return { outcome, deviceId: null };
    }
    try {
      const stored = await storeDiscovery(this.ctx, result, outcome.credentialId ?? null);
      progress.identified++;
      if (stored.change === 'created') progress.devicesCreated++;
      else progress.devicesUpdated++;
      return { outcome, deviceId: stored.deviceId };
    } catch (error) {
      progress.errors++;
      this.ctx.log.warn({ err: (error as Error).message, host: outcome.host }, 'discovered device not stored');
      const message = `${outcome.host}:${outcome.port}: not stored: ${(error as Error).message}`.slice(0, 1024);
      return { outcome: { ...outcome, status: 'error', error: { phase: 'store', code: 'invalid-response', message } }, deviceId: null };
    }
  }
}
