import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freeUdpPort } from '../../snmp/support/free-udp-port.js';
import { waitForAgent } from '../../snmp/support/wait-for-agent.js';

export interface NetworkSim {
  port: number;
  /** The addresses it answers on, in the order given. */
  hosts: string[];
  stop(): Promise<void>;
}

/**
 * snmpsimd serving only the recordings named, from a temporary folder of links (indexing every
 * recording would take long). `files` maps a community to the recording it serves; a community of
 * the form `NAME/<n>` serves that recording only on the n-th address (snmpsim picks the file by
 * community, then transport), so one community can answer differently per address, as a network does.
 */
export async function startNetworkSim(files: Record<string, string>, hosts: string[] = ['127.0.0.1']): Promise<NetworkSim> {
  const root = mkdtempSync(join(tmpdir(), 'steward-netsim-'));
  const data = join(root, 'data');
  const cache = join(root, 'cache');
  mkdirSync(cache);
  // snmpsimd drops root to nobody, who must be able to read the links and write its index.
  chmodSync(root, 0o755);
  chmodSync(cache, 0o777);
  for (const [community, source] of Object.entries(files)) {
    const [name, endpoint] = community.split('/');
    const file = endpoint === undefined ? join(data, `${name}.snmprec`) : join(data, name!, `1.3.6.1.6.1.1.${endpoint}.snmprec`);
    mkdirSync(dirname(file), { recursive: true });
    symlinkSync(source, file);
  }
  const port = await freeUdpPort();
  const child: ChildProcess = spawn('snmpsimd', [
    `--data-dir=${data}`, `--cache-dir=${cache}`, ...hosts.map((h) => `--agent-udpv4-endpoint=${h}:${port}`),
    '--v2c-arch', '--process-user=nobody', '--process-group=nogroup', '--logging-method=null',
  ], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [first] = Object.keys(files);
    const community = first!.split('/')[0]!;
    const endpoint = first!.split('/')[1];
    await waitForAgent(port, { id: 'wait', version: '2c', community }, 60_000, hosts[endpoint === undefined ? 0 : Number(endpoint)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, hosts, stop };
}
