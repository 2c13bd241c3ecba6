import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnmpCommand } from '../../../collector/src/services/network/snmp-command.js';
import { UsageError } from '../../../collector/src/snmp/index.js';
import { TEST_ADMIN_PASSWORD } from '../../support/collector.js';
import { REPO_ROOT } from '../../support/processes.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { fixture } from './support/fixtures.js';
import { startSingleNetworkCollector } from './support/network-collector.js';
import { startNetworkSim, type NetworkSim } from './support/network-sim.js';

const runnable = toolAvailable('snmpsimd', 'snmpsim');

/** `steward snmp probe ... [--save]` against simulated devices and a real collector. */
describe.skipIf(!runnable)('the snmp probe command', () => {
  let sim: NetworkSim;
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;

  beforeAll(async () => {
    sim = await startNetworkSim({ access: fixture('access-switch'), printer: fixture('office-printer') });
    c = await startSingleNetworkCollector();
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
    await sim?.stop();
  });

  it('prints the probe summary without saving anything', async () => {
    const printed = await runSnmpCommand(['probe', `127.0.0.1:${sim.port}`, '--community', 'access'], {});
    expect(printed).toMatchObject({ target: `127.0.0.1:${sim.port}`, vendor: 'Cisco', sysName: 'access-sw-1', serial: 'FDO1234ACC1', interfaces: 4, forwardingEntries: 15 });
    expect(printed).not.toHaveProperty('saved');
    expect((await c.api('GET', '/api/v1/network/devices')).body.total).toBe(0);
  });

  it('--save registers the discovery with the collector, with the credential it used, sealed', async () => {
    const printed = await runSnmpCommand(
      ['probe', `127.0.0.1:${sim.port}`, '--community', 'access', '--save', '--server', c.url, '--token', c.token], {},
    ) as { sysName: string; saved: { deviceId: string; change: string; credentialId: string } };
    expect(printed.sysName).toBe('access-sw-1');
    expect(printed.saved.change).toBe('created');
    const device = (await c.api('GET', `/api/v1/network/devices/${printed.saved.deviceId}`)).body;
    expect(device).toMatchObject({ hostname: 'access-sw-1', address: '127.0.0.1', port: sim.port, credentialId: printed.saved.credentialId });
    const sets = (await c.api('GET', '/api/v1/network/credentials')).body.items;
    expect(sets).toEqual([expect.objectContaining({ id: printed.saved.credentialId, name: `probe 127.0.0.1:${sim.port}`, version: '2c' })]);
    expect(JSON.stringify(sets)).not.toContain('"access"');
    const stored = await c.database.db.query<{ sealed_secrets: string }>('select sealed_secrets from snmp_credentials');
    expect(stored.rows[0]!.sealed_secrets).toMatch(/^sealed:v1:/);

    // Logging in instead of a token, with --full: the same device again.
    const full = await runSnmpCommand(
      ['probe', `127.0.0.1:${sim.port}`, '--community', 'access', '--full', '--save', `--server=${c.url}`], { STEWARD_USER: 'admin', STEWARD_PASSWORD: TEST_ADMIN_PASSWORD },
    ) as { interfaces: unknown[]; saved: { deviceId: string; change: string } };
    expect(full.interfaces).toHaveLength(4);
    expect(full.saved).toMatchObject({ deviceId: printed.saved.deviceId, change: 'updated' });
  });

  it('refuses --save without a way to log in, and says why the collector refused', async () => {
    await expect(runSnmpCommand(['probe', `127.0.0.1:${sim.port}`, '--community', 'access', '--save'], {})).rejects.toThrow(UsageError);
    await expect(runSnmpCommand(['probe', `127.0.0.1:${sim.port}`, '--community', 'access', '--save', '--server', c.url, '--token', 'expired'], {}))
      .rejects.toThrow(/did not register the discovery: 401/);
    await expect(runSnmpCommand(['list'], {})).rejects.toThrow(UsageError);
  });

  it('runs from the command line: JSON on stdout, saved with STEWARD_TOKEN', async () => {
    const run = (args: string[], env: Record<string, string>) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--conditions=steward-source', '--import', 'tsx', path.join(REPO_ROOT, 'collector/src/cli.ts'), ...args], {
        cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    const saved = await run(['snmp', 'probe', `127.0.0.1:${sim.port}`, '--community', 'printer', '--save', '--server', c.url], { STEWARD_TOKEN: c.token });
    expect(saved.code, saved.stderr).toBe(0);
    const printed = JSON.parse(saved.stdout) as { sysName: string; saved: { deviceId: string } };
    expect(printed.sysName).toBe('printer-2f');
    expect((await c.api('GET', `/api/v1/network/devices/${printed.saved.deviceId}`)).body.supplies).toHaveLength(2);
  }, 60_000);
});
