import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPort } from './free-udp-port.js';
import { waitForAgent } from './wait-for-agent.js';

export interface SnmpsimServer {
  port: number;
  /** Process id of snmpsimd, to read what CPU it used. */
  pid: number | undefined;
  /** How long the first start (indexing every recording) took. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Runs snmpsimd on 127.0.0.1 at a random high port, serving each NAME.snmprec of dataDir under
 * the v2c community NAME, with a fresh index cache in /tmp that is removed on stop. Several
 * servers of the same data can share the index of a first one (sharedCacheDir: it stays).
 */
export async function startSnmpsim(dataDir: string, probeCommunity: string, sharedCacheDir?: string): Promise<SnmpsimServer & { cacheDir: string }> {
  const cacheDir = sharedCacheDir ?? mkdtempSync(join(tmpdir(), 'steward-snmpsim-'));
  // snmpsimd drops root to nobody, who must be able to write its index.
  if (!sharedCacheDir) chmodSync(cacheDir, 0o777);
  const port = await freeUdpPort();
  const started = Date.now();
  const child: ChildProcess = spawn('snmpsimd', [
    `--data-dir=${dataDir}`, `--cache-dir=${cacheDir}`, `--agent-udpv4-endpoint=127.0.0.1:${port}`,
    '--v2c-arch', '--process-user=nobody', '--process-group=nogroup', '--logging-method=null',
  ], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!sharedCacheDir) rmSync(cacheDir, { recursive: true, force: true });
  };
  try {
    await waitForAgent(port, { id: 'probe', version: '2c', community: probeCommunity }, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: child.pid, startMs: Date.now() - started, stop, cacheDir };
}
