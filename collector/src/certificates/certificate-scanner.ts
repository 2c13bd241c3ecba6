import { randomUUID } from 'node:crypto';
import type { CertificateScanRequest, CertificateScanView, TlsPort } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { storePresentation } from '../store/certificates/certificates.js';
import { getCertificateScan, insertCertificateScan, updateCertificateScan, type CertificateScanProgress } from '../store/certificates/scans.js';
import { trustedCertificateAuthorities } from '../store/certificates/trust-settings.js';
import { NothingListening, probeTls } from './probe-tls.js';
import { certificateScanHosts, TargetSpecError } from './scan-targets.js';
import { probeEach } from '../services/network/probe-pool.js';

export interface ScanActor { username: string; role: string; sourceIp?: string }

/** How often a running scan writes its progress. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Finds the certificates hosts present: every host × port of a scan is probed, a few at a time,
 * and each certificate found is kept with the place it was found. Runs in the background of the
 * collector that was asked; its record tells any collector how it went.
 */
export class CertificateScanner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly ctx: CollectorContext, private readonly collectorId: string) {}

  async start(actor: ScanActor, request: CertificateScanRequest): Promise<CertificateScanView> {
    let hosts: string[];
    try {
      hosts = certificateScanHosts(request.include, request.exclude);
    } catch (error) {
      if (error instanceof TargetSpecError) throw new ApiProblem(400, 'invalid_targets', `include: ${error.message}`, [`include: ${error.message}`]);
      throw error;
    }
    const id = randomUUID();
    const total = hosts.length * request.ports.length;
    await this.ctx.db.transaction(async (tx) => {
      await insertCertificateScan(tx, { id, include: request.include, exclude: request.exclude, ports: request.ports, startedBy: actor.username, runBy: this.collectorId, total });
      await recordAudit(tx, {
        actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'certificate-scan.start', objectType: 'certificate-scan', objectId: id,
        after: { include: request.include, exclude: request.exclude, ports: request.ports, total },
      });
    });
    const controller = new AbortController();
    const done = this.run(id, hosts, request, controller.signal)
      .catch((error: Error) => this.ctx.log.error({ err: error.message, scan: id }, 'certificate scan failed'))
      .finally(() => this.running.delete(id));
    this.running.set(id, { controller, done });
    this.ctx.log.info({ scan: id, probes: total, by: actor.username }, 'certificate scan started');
    return (await getCertificateScan(this.ctx.db, id))!;
  }

  /** Waits for a scan this collector runs (tests and the scheduled scan use it). */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  async stop(): Promise<void> {
    for (const entry of this.running.values()) entry.controller.abort();
    await Promise.all([...this.running.values()].map((e) => e.done));
  }

  private async run(id: string, hosts: string[], request: CertificateScanRequest, signal: AbortSignal): Promise<void> {
    const progress: CertificateScanProgress = { done: 0, presented: 0, errors: [] };
    const extraCas = await trustedCertificateAuthorities(this.ctx.db);
    const probes = hosts.flatMap((host) => request.ports.map((port) => ({ host, port })));
    const beat = setInterval(() => void updateCertificateScan(this.ctx.db, id, progress).catch(() => undefined), PROGRESS_EVERY_MS);
    try {
      await probeEach(probes, request.concurrency, signal, ({ host, port }) => this.probeOne(host, port, request.timeoutMs, extraCas, signal, progress));
      clearInterval(beat);
      await updateCertificateScan(this.ctx.db, id, progress, signal.aborted ? 'interrupted' : 'finished');
      this.ctx.log.info({ scan: id, done: progress.done, presented: progress.presented, errors: progress.errors.length }, 'certificate scan ended');
    } catch (error) {
      clearInterval(beat);
      await updateCertificateScan(this.ctx.db, id, progress, 'failed').catch(() => undefined);
      throw error;
    }
  }

  private async probeOne(host: string, { port, protocol }: TlsPort, timeoutMs: number, extraCas: string[], signal: AbortSignal, progress: CertificateScanProgress): Promise<void> {
    try {
      const presented = await probeTls(host, port, protocol, { timeoutMs, extraCas, signal });
      await storePresentation(this.ctx.db, presented);
      progress.presented++;
    } catch (error) {
      if (!(error instanceof NothingListening) && !signal.aborted) {
        progress.errors.push({ host, port, message: (error as Error).message.slice(0, 300) });
      }
    } finally {
      progress.done++;
    }
  }
}
