import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpCredential } from '@steward/shared';
import { runSnmpProbeCommand } from '../../../collector/src/snmp/cli/snmp-probe-command.js';
import { interfaceDeltas } from '../../../collector/src/snmp/poll/interface-rates.js';
import { pollInterfaces } from '../../../collector/src/snmp/poll/poll-interfaces.js';
import { probeDevice } from '../../../collector/src/snmp/probe/probe-device.js';
import { SnmpDeviceError } from '../../../collector/src/snmp/snmp-error.js';
import { toolAvailable } from './support/required-tool.js';
import { SNMPD_COMMUNITY, SNMPD_SYSNAME, SNMPD_USER, startSnmpd, type SnmpdServer } from './support/snmpd-server.js';

const runnable = toolAvailable('snmpd', 'snmpd');
const v2c: SnmpCredential = { id: 'v2c', version: '2c', community: SNMPD_COMMUNITY };
const v3: SnmpCredential = {
  id: 'v3', version: '3', user: SNMPD_USER.user, level: 'authPriv',
  authProtocol: 'sha', authKey: SNMPD_USER.authKey, privProtocol: 'aes', privKey: SNMPD_USER.privKey,
};

describe.skipIf(!runnable)('a real net-snmp agent (Debian snmpd) on loopback', () => {
  let server: SnmpdServer;
  const target = () => ({ host: '127.0.0.1', port: server.port });

  beforeAll(async () => {
    server = await startSnmpd();
  }, 30_000);
  afterAll(async () => server?.stop());

  it('probes with SNMPv2c and reads what this machine is', async () => {
    const r = await probeDevice(target(), [v2c]);
    expect(r.system.sysName).toBe(SNMPD_SYSNAME);
    expect(r.identity).toMatchObject({ vendor: 'net-snmp', enterprise: { number: 8072 }, os: 'Linux', osVersion: release(), osSource: 'sysDescr' });
    expect(r.interfaces.map((i) => i.name ?? i.descr).sort()).toEqual(readdirSync('/sys/class/net').sort());
    expect(r.interfaces.find((i) => i.name === 'lo')).toMatchObject({ type: 24, operStatus: 'up' });
    expect(r.addresses).toContainEqual(expect.objectContaining({ family: 'ipv4', address: '127.0.0.1', prefixLength: 8 }));
    const snmpdVersion = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'snmpd'], { encoding: 'utf8' });
    expect(r.software).toContainEqual(expect.objectContaining({ name: 'snmpd', version: snmpdVersion, source: 'hrSWInstalled' }));
    expect(r.storage.some((s) => s.type === 'ram' && (s.sizeBytes ?? 0) > 0)).toBe(true);
    expect(r.problems.filter((p) => p.code !== 'wrong-type')).toEqual([]);
  });

  it('probes with SNMPv3 authPriv (SHA + AES) and remembers which credential set answered', async () => {
    const wrongCommunity: SnmpCredential = { id: 'wrong', version: '2c', community: 'not-this-one' };
    const r = await probeDevice(target(), [wrongCommunity, v3], { timeoutMs: 1000, retries: 0 });
    expect(r.credentialId).toBe('v3');
    expect(r.version).toBe('3');
    expect(r.system.sysName).toBe(SNMPD_SYSNAME);
    expect(r.interfaces.length).toBeGreaterThan(0);
  });

  it('fails with a clear per-device error when the SNMPv3 key is wrong', async () => {
    const bad = { ...v3, id: 'bad', authKey: 'wrong-pass-999' } as SnmpCredential;
    const error = await probeDevice(target(), [bad], { timeoutMs: 1000, retries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnmpDeviceError);
    expect(error).toMatchObject({ device: `127.0.0.1:${server.port}`, phase: 'first-contact', code: 'auth' });
  });

  it('answers the probe command with the summary to print, for v2c and v3 options', async () => {
    const summary = await runSnmpProbeCommand([`127.0.0.1:${server.port}`, '--community', SNMPD_COMMUNITY]);
    expect(summary).toMatchObject({ vendor: 'net-snmp', os: 'Linux', version: release(), sysName: SNMPD_SYSNAME, interfaces: readdirSync('/sys/class/net').length });
    expect((summary as { software: number }).software).toBeGreaterThan(0);
    const viaV3 = await runSnmpProbeCommand([`127.0.0.1:${server.port}`, '--user', SNMPD_USER.user, '--auth-protocol', 'sha',
      '--auth-key', SNMPD_USER.authKey, '--priv-protocol', 'aes', '--priv-key', SNMPD_USER.privKey]);
    expect(viaV3).toMatchObject({ sysName: SNMPD_SYSNAME });
  });

  it('polls interface counters and measures the traffic sent in between', async () => {
    const first = await pollInterfaces(target(), v2c);
    const lo = first.interfaces.find((i) => i.highCapacity && i.inOctets !== undefined);
    expect(lo).toBeDefined();
    for (let i = 0; i < 20; i++) await pollInterfaces(target(), v2c);
    // snmpd caches interface statistics for a few seconds.
    await new Promise((r) => setTimeout(r, 6000));
    const second = await pollInterfaces(target(), v2c);
    const deltas = interfaceDeltas(first, second);
    const total = deltas.reduce((sum, d) => sum + (d.deltas.inOctets ?? 0n), 0n);
    // Twenty polls of about a kilobyte each crossed the loopback interface.
    expect(total).toBeGreaterThan(20_000n);
    expect(deltas.every((d) => Object.keys(d.events).length === 0)).toBe(true);
  });
});
