import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPort } from './free-udp-port.js';
import { waitForAgent } from './wait-for-agent.js';

export const SNMPD_COMMUNITY = 'steward-test';
export const SNMPD_USER = { user: 'stewardv3', authKey: 'auth-pass-123', privKey: 'priv-pass-123' };
export const SNMPD_SYSNAME = 'steward-snmpd-test';

export interface SnmpdServer {
  port: number;
  stop(): Promise<void>;
}

/** Debian's snmpd on 127.0.0.1 at a random high port, with its own configuration and state in a temp dir. */
export async function startSnmpd(): Promise<SnmpdServer> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-snmpd-'));
  const port = await freeUdpPort();
  writeFileSync(join(dir, 'snmpd.conf'), [
    `agentAddress udp:127.0.0.1:${port}`,
    `rocommunity ${SNMPD_COMMUNITY} 127.0.0.1`,
    `createUser ${SNMPD_USER.user} SHA "${SNMPD_USER.authKey}" AES "${SNMPD_USER.privKey}"`,
    `rouser ${SNMPD_USER.user} priv`,
    `sysName ${SNMPD_SYSNAME}`,
    '',
  ].join('\n'));
  const child = spawn('snmpd', ['-f', '-Lf', join(dir, 'log'), '-C', '-c', join(dir, 'snmpd.conf'), '-p', join(dir, 'pid')], {
    stdio: 'ignore',
    env: { ...process.env, SNMP_PERSISTENT_DIR: join(dir, 'state') },
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForAgent(port, { id: 'wait', version: '2c', community: SNMPD_COMMUNITY }, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}
