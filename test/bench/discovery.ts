// Discovery over a /22: how many hosts a sweep covers per second with SSH probing (port 22, a
// stored key set) and the usual TLS and STARTTLS ports probed together, and the collector's CPU per
// host. Loopback addresses of a /22 with a few TLS listeners among them; the rest refuse at once,
// so the figure is the scanners' own cost, not a network's round trips (silent hosts cost one
// timeout per port on top).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_TLS_PORTS, sshScanRequest } from '@steward/shared';
import { createSshCredentialSet } from '../../collector/src/ssh/ssh-credentials.js';
import { networkRuntimeOf } from '../../collector/src/services/network/network-runtime.js';
import { startTestCollector } from '../support/collector.js';
import { makeTestCertificates } from '../collector/discovery/support/test-certificates.js';

const RANGE = '127.0.4.0/22';
const LISTENERS = 16;

/** A key set for the SSH probe: silent addresses never get to use it, but the scan opens it as a real one would. */
function sshKey(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'steward-bench-')), 'key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  return readFileSync(file, 'utf8');
}

export async function benchDiscovery(): Promise<{ hosts: number; probes: number; seconds: number; hostsPerSecond: number; cpuMsPerHost: number; presented: number; sshProbed: number }> {
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
    const actor = { username: 'bench', role: 'admin' };
    await createSshCredentialSet(c.ctx, actor, { name: 'bench key', kind: 'key', username: 'steward', privateKey: sshKey() });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const scan = await runtime.certificates.start(actor, {
      include: [RANGE], exclude: [], ports: DEFAULT_TLS_PORTS, concurrency: 256, timeoutMs: 1000,
    });
    const ssh = await runtime.ssh.start(actor, sshScanRequest.parse({ include: [RANGE], ports: [22], concurrency: 256, connectTimeoutMs: 1000 }));
    await Promise.all([runtime.certificates.settled(scan.id), runtime.ssh.settled(ssh.id)]);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const view = (await c.ctx.db.query<{ done: number; presented: number; errors: unknown[] }>('select done, presented, errors from tls_scans where id = $1', [scan.id])).rows[0]!;
    if (view.errors.length) console.log(`${view.errors.length} probes failed, for example ${JSON.stringify(view.errors[0])}`);
    const sshView = (await c.ctx.db.query<{ done: number }>('select done from ssh_scans where id = $1', [ssh.id])).rows[0]!;
    const hosts = view.done / DEFAULT_TLS_PORTS.length;
    return {
      hosts, probes: view.done + sshView.done, seconds, hostsPerSecond: hosts / seconds, cpuMsPerHost: (used.user + used.system) / 1000 / hosts,
      presented: view.presented, sshProbed: sshView.done,
    };
  } finally {
    await c.stop();
    listeners.kill();
  }
}

const figures = await benchDiscovery();
console.log('\n== Discovery: a /22 with SSH (port 22) and the usual TLS and STARTTLS ports (11) probed per host');
console.log(`${'hosts scanned / SSH probes / all probes / certificates'.padEnd(58)} ${`${figures.hosts} / ${figures.sshProbed} / ${figures.probes} / ${figures.presented}`.padStart(14)}`);
console.log(`${'hosts per second (addresses refusing at once)'.padEnd(58)} ${figures.hostsPerSecond.toFixed(0).padStart(14)}`);
console.log(`${'collector CPU per scanned host'.padEnd(58)} ${`${figures.cpuMsPerHost.toFixed(2)} ms`.padStart(14)}`);
