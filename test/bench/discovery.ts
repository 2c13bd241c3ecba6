// Certificate discovery over a /22: how many hosts a scan covers per second with the usual TLS
// and STARTTLS ports probed, and the collector's CPU per host. Loopback addresses of a /22 with
// a few TLS listeners among them; the rest refuse at once, so the figure is the scanner's own
// cost, not a network's round trips (silent hosts cost one timeout per port on top).
import { spawn } from 'node:child_process';
import { DEFAULT_TLS_PORTS } from '@steward/shared';
import { networkRuntimeOf } from '../../collector/src/services/network/network-runtime.js';
import { startTestCollector } from '../support/collector.js';
import { makeTestCertificates } from '../collector/discovery/support/test-certificates.js';

const RANGE = '127.0.4.0/22';
const LISTENERS = 16;

export async function benchDiscovery(): Promise<{ hosts: number; probes: number; seconds: number; hostsPerSecond: number; cpuMsPerHost: number; presented: number }> {
  const certs = makeTestCertificates();
  // The hosts answer from their own process, as hosts on a network do: the collector's event loop is not theirs.
  const hosts = Array.from({ length: LISTENERS }, (_, i) => `127.0.${4 + (i % 4)}.${10 + i}`);
  const listeners = spawn(process.execPath, ['--input-type=module', '-e', `
    import tls from 'node:tls';
    const { key, cert, hosts } = JSON.parse(process.env.LISTENERS);
    for (const host of hosts) await new Promise((r) => tls.createServer({ key, cert }, (s) => s.end()).on('tlsClientError', () => {}).listen(8443, host, r));
    console.log('ready');
  `], { env: { ...process.env, LISTENERS: JSON.stringify({ key: certs.valid.key, cert: certs.valid.cert, hosts }) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => listeners.stdout.once('data', resolve));
  const c = await startTestCollector(process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded');
  try {
    const runtime = networkRuntimeOf(c.ctx);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const scan = await runtime.certificates.start({ username: 'bench', role: 'admin' }, {
      include: [RANGE], exclude: [], ports: DEFAULT_TLS_PORTS, concurrency: 256, timeoutMs: 1000,
    });
    await runtime.certificates.settled(scan.id);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const view = (await c.ctx.db.query<{ done: number; presented: number; errors: unknown[] }>('select done, presented, errors from tls_scans where id = $1', [scan.id])).rows[0]!;
    if (view.errors.length) console.log(`${view.errors.length} probes failed, for example ${JSON.stringify(view.errors[0])}`);
    const hosts = view.done / DEFAULT_TLS_PORTS.length;
    return { hosts, probes: view.done, seconds, hostsPerSecond: hosts / seconds, cpuMsPerHost: (used.user + used.system) / 1000 / hosts, presented: view.presented };
  } finally {
    await c.stop();
    listeners.kill();
  }
}

const figures = await benchDiscovery();
console.log('\n== Certificate discovery: a /22 with the usual TLS and STARTTLS ports (11 per host)');
console.log(`${'hosts scanned / probes / certificates presented'.padEnd(58)} ${`${figures.hosts} / ${figures.probes} / ${figures.presented}`.padStart(14)}`);
console.log(`${'hosts per second (addresses refusing at once)'.padEnd(58)} ${figures.hostsPerSecond.toFixed(0).padStart(14)}`);
console.log(`${'collector CPU per scanned host'.padEnd(58)} ${`${figures.cpuMsPerHost.toFixed(2)} ms`.padStart(14)}`);
