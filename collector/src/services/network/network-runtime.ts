import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CollectorContext } from '../../context.js';
import { interruptAbandonedSweeps, SWEEP_SILENCE_SECONDS } from '../../store/network/sweeps.js';
import { ApiProblem } from '../errors.js';
import { CertificateScanner } from '../../certificates/certificate-scanner.js';
import { SshScanner } from '../../ssh/ssh-scanner.js';
import { SightingsRefresher } from '../../address-space/sightings-refresher.js';
import { DomainRefresher } from '../../domains/domain-refresher.js';
import { NetworkPoller } from './poller.js';
import { SweepRunner } from './sweeps.js';

/** What network discovery runs in the background of one collector. */
export interface NetworkRuntime {
  /** Names this collector in leases and sweeps. */
  collectorId: string;
  poller: NetworkPoller;
  sweeps: SweepRunner;
  certificates: CertificateScanner;
  ssh: SshScanner;
  stop(): Promise<void>;
}

const runtimes = new WeakMap<CollectorContext, NetworkRuntime>();

/** Starts the poller and the sweep runner of a collector; stop them before its database closes. */
export async function startNetworkRuntime(ctx: CollectorContext): Promise<NetworkRuntime> {
  const collectorId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const interrupted = await interruptAbandonedSweeps(ctx.db, SWEEP_SILENCE_SECONDS);
  if (interrupted) ctx.log.warn({ sweeps: interrupted }, 'sweeps left running by a stopped collector marked interrupted');
  const poller = new NetworkPoller(ctx, collectorId);
  const sweeps = new SweepRunner(ctx, collectorId);
  const certificates = new CertificateScanner(ctx, collectorId);
  const ssh = new SshScanner(ctx, collectorId);
  const domains = new DomainRefresher(ctx, collectorId);
  domains.start();
  const sightings = new SightingsRefresher(ctx, collectorId);
  sightings.start();
  poller.start();
  const runtime: NetworkRuntime = {
    collectorId,
    poller,
    sweeps,
    certificates,
    ssh,
    async stop() {
      runtimes.delete(ctx);
      await sweeps.stop();
      await certificates.stop();
      await ssh.stop();
      await domains.stop();
      await sightings.stop();
      await poller.stop();
    },
  };
  runtimes.set(ctx, runtime);
  return runtime;
}

/** The runtime of the collector a request reached. */
export function networkRuntimeOf(ctx: CollectorContext): NetworkRuntime {
  const runtime = runtimes.get(ctx);
  if (!runtime) throw new ApiProblem(503, 'network_unavailable', 'network discovery is not running on this collector');
  return runtime;
}
