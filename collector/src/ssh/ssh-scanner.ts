import { randomUUID } from 'node:crypto';
import type { SshScanRequest, SshScanView } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { certificateScanHosts, TargetSpecError } from '../certificates/scan-targets.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { getSshScan, insertSshScan, updateSshScan, type SshScanProgress } from '../store/ssh/scans.js';
import { probeEach } from '../services/network/probe-pool.js';
import { portAnswers } from './port-answers.js';
import { scanHost } from './scan-host.js';
import { openSshCredentialSets, type OpenedSshCredential, type SshActor } from './ssh-credentials.js';

/** How often a running scan writes its progress. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Scans hosts without an agent over SSH: every host × port of a scan that accepts a connection is
 * logged in to with the credential sets in order and read. Runs in the background of the collector
 * that was asked; its record tells any collector how it went.
 */
export class SshScanner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly ctx: CollectorContext, private readonly collectorId: string) {}

  async start(actor: SshActor, request: SshScanRequest): Promise<SshScanView> {
    let hosts: string[];
    try {
      hosts = certificateScanHosts(request.include, request.exclude);
    } catch (error) {
      if (error instanceof TargetSpecError) throw new ApiProblem(400, 'invalid_targets', `include: ${error.message}`, [`include: ${error.message}`]);
      throw error;
    }
    const credentials = await openSshCredentialSets(this.ctx, this.ctx.db, request.credentialIds);
    if (credentials.length === 0) throw new ApiProblem(400, 'no_credentials', 'credentialIds: no SSH credential set is stored; add one first', ['credentialIds: no SSH credential set is stored']);
    const id = randomUUID();
    const total = hosts.length * request.ports.length;
    await this.ctx.db.transaction(async (tx) => {
      await insertSshScan(tx, { id, include: request.include, exclude: request.exclude, ports: request.ports, startedBy: actor.username, runBy: this.collectorId, total });
      await recordAudit(tx, {
        actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'ssh-scan.start', objectType: 'ssh-scan', objectId: id,
        after: { include: request.include, exclude: request.exclude, ports: request.ports, credentialIds: credentials.map((c) => c.id), total },
      });
    });
    const controller = new AbortController();
    const done = this.run(id, hosts, request, credentials, actor.username, controller.signal)
      .catch((error: Error) => this.ctx.log.error({ err: error.message, scan: id }, 'ssh scan failed'))
      .finally(() => this.running.delete(id));
    this.running.set(id, { controller, done });
    this.ctx.log.info({ scan: id, probes: total, by: actor.username }, 'ssh scan started');
    return (await getSshScan(this.ctx.db, id))!;
  }

  /** Waits for a scan this collector runs. */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  async stop(): Promise<void> {
    for (const entry of this.running.values()) entry.controller.abort();
    await Promise.all([...this.running.values()].map((e) => e.done));
  }

  private async run(id: string, hosts: string[], request: SshScanRequest, credentials: OpenedSshCredential[], by: string, signal: AbortSignal): Promise<void> {
    const progress: SshScanProgress = { done: 0, scanned: 0, errors: [] };
    const probes = hosts.flatMap((host) => request.ports.map((port) => ({ host, port })));
    const beat = setInterval(() => void updateSshScan(this.ctx.db, id, progress).catch(() => undefined), PROGRESS_EVERY_MS);
    try {
      await probeEach(probes, request.concurrency, signal, async ({ host, port }) => {
        try {
          if (!(await portAnswers(host, port, request.connectTimeoutMs, signal))) return;
          const outcome = await scanHost(this.ctx, host, port, credentials, request, by);
          if (outcome.ok) progress.scanned++;
          else progress.errors.push({ host, port, code: outcome.code, message: outcome.message.slice(0, 300) });
        } finally {
          progress.done++;
        }
      });
      clearInterval(beat);
      await updateSshScan(this.ctx.db, id, progress, signal.aborted ? 'interrupted' : 'finished');
      this.ctx.log.info({ scan: id, done: progress.done, scanned: progress.scanned, errors: progress.errors.length }, 'ssh scan ended');
    } catch (error) {
      clearInterval(beat);
      await updateSshScan(this.ctx.db, id, progress, 'failed').catch(() => undefined);
      throw error;
    }
  }
}
