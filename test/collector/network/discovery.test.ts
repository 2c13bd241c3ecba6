import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkDeviceDetail, networkDeviceList, type LiveEvent, type SnmpProbeResult } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { loadExpected, readSnmprec, recordingsPresent, RECORDINGS_DIR } from '../snmp/support/recordings.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { fixture, forwardingRowsOf, interfaceMacsOf, probeCommunity } from './support/fixtures.js';
import { loginAs, startSingleNetworkCollector } from './support/network-collector.js';
import { startNetworkSim, type NetworkSim } from './support/network-sim.js';

const RECORDED = ['switch-cisco-c3750', 'os-windows-server-2003-5-2', 'switch-hpe-procurve-516733-b21'];
const recording = (name: string) => join(RECORDINGS_DIR, `${name}.snmprec`);
const runnable = toolAvailable('snmpsimd', 'snmpsim');

describe.skipIf(!runnable)('registering SNMP discoveries', () => {
  let sim: NetworkSim;
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    sim = await startNetworkSim({
      access: fixture('access-switch'), linux: fixture('linux-host'), printer: fixture('office-printer'),
      ...(recordingsPresent ? Object.fromEntries(RECORDED.map((n) => [n, recording(n)])) : {}),
    });
    c = await startSingleNetworkCollector();
    c.ctx.live.subscribe((event) => events.push(event));
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
    await sim?.stop();
  });

  const register = (result: SnmpProbeResult, extra: object = {}) => c.api('POST', '/api/v1/network/discoveries', { result, ...extra });
  const snmpDeviceCount = async () => (await c.database.db.query<{ n: number }>("select count(*)::int as n from devices where kind = 'snmp'")).rows[0]!.n;

  it('stores a probed switch as a device with its interfaces, neighbours, forwarding table and modules', async () => {
    const file = fixture('access-switch');
    const rec = readSnmprec(file);
    const result = await probeCommunity(sim.port, 'access');
    const answer = await register(result);
    expect(answer.status).toBe(201);
    expect(answer.body.change).toBe('created');
    const id = answer.body.deviceId as string;

    const device = (await c.api('GET', `/api/v1/devices/${id}`)).body;
    expect(device).toMatchObject({
      kind: 'snmp', hostname: rec.get('1.3.6.1.2.1.1.5.0')!.value, serialNumber: rec.get('1.3.6.1.2.1.47.1.1.1.1.11.1')!.value,
      manufacturer: 'Cisco', model: rec.get('1.3.6.1.2.1.47.1.1.1.1.13.1')!.value, osName: 'Cisco IOS', osVersion: '12.2(55)SE7',
    });
    expect([...device.macAddresses].sort()).toEqual(interfaceMacsOf(file).sort());
    expect(device.hardware.system.serial).toBe(rec.get('1.3.6.1.2.1.47.1.1.1.1.11.1')!.value);
    expect(device.hardware.snmp.sysObjectID).toBe(rec.get('1.3.6.1.2.1.1.2.0')!.value);
    expect(device.hardware.networkInterfaces.map((i: { name: string }) => i.name)).toContain('Te1/0/24');

    const detail = (await c.api('GET', `/api/v1/network/devices/${id}`)).body;
    // The answer is what the shared schema promises the dashboard.
    networkDeviceDetail.parse(detail);
    const ifIndexes = [...rec.keys()].filter((o) => o.startsWith('1.3.6.1.2.1.2.2.1.1.')).map((o) => Number(rec.get(o)!.value));
    expect(detail.interfaces.map((i: { ifIndex: number }) => i.ifIndex)).toEqual(ifIndexes.sort((a, b) => a - b));
    expect(detail.interfaceCount).toBe(ifIndexes.length);
    expect(detail.neighbours).toEqual([expect.objectContaining({ protocol: 'lldp', localPort: 'Te1/0/24', remoteSysName: 'core-sw-1', remoteDeviceId: null })]);
    expect(detail.modules.map((m: { class: string }) => m.class)).toEqual(['chassis', 'powerSupply']);
    // Every learned address is listed on its port; the switch's own address is not.
    const learned = forwardingRowsOf(file).filter((r) => r.status === 3);
    const listed = detail.ports.flatMap((p: { bridgePort: number; macs: Array<{ mac: string }> }) => p.macs.map((m) => ({ mac: m.mac, port: p.bridgePort })));
    expect(listed.sort(byMac)).toEqual(learned.map((r) => ({ mac: r.mac, port: r.port })).sort(byMac));
    const edge = Object.fromEntries(detail.ports.map((p: { ifName: string; edge: boolean }) => [p.ifName, p.edge]));
    expect(edge).toEqual({ 'Gi1/0/1': true, 'Gi1/0/2': true, 'Te1/0/24': false });
    expect(events).toContainEqual(expect.objectContaining({ type: 'device.changed', deviceId: id, change: 'created' }));
  });

  it('finds the same device again by serial and maker even at a new address, else by sysObjectID, sysName and address', async () => {
    const access = await probeCommunity(sim.port, 'access');
    const before = await snmpDeviceCount();
    const again = await register(access);
    expect(again.status).toBe(200);
    const moved = await register({ ...access, target: { host: '10.9.9.9', port: 161 } });
    expect(moved.body).toMatchObject({ deviceId: again.body.deviceId, change: 'updated' });
    expect((await c.api('GET', `/api/v1/network/devices/${again.body.deviceId}`)).body.address).toBe('10.9.9.9');

    const linux = await probeCommunity(sim.port, 'linux');
    expect(linux.identity.serial).toBeUndefined();
    const first = await register(linux);
    const second = await register(linux);
    expect(second.body).toMatchObject({ deviceId: first.body.deviceId, change: 'updated' });
    const elsewhere = await register({ ...linux, target: { host: '10.1.2.31', port: 161 } });
    expect(elsewhere.body.change).toBe('created');
    expect(await snmpDeviceCount()).toBe(before + 2);
    // A placeholder serial many devices share tells nothing: two addresses stay two devices.
    const placeholder = { ...linux, identity: { ...linux.identity, serial: 'N/A' } };
    const one = await register({ ...placeholder, target: { host: '10.3.0.1', port: 161 } });
    const other = await register({ ...placeholder, target: { host: '10.3.0.2', port: 161 } });
    expect(other.body.deviceId).not.toBe(one.body.deviceId);
    expect(events).toContainEqual(expect.objectContaining({ deviceId: first.body.deviceId, change: 'updated' }));
  });

  it('keeps hrSWInstalled entries as device software with their history, as for agents', async () => {
    const linux = await probeCommunity(sim.port, 'linux');
    const { deviceId } = (await register(linux)).body;
    const software = await c.database.db.query<{ name: string; version: string; source: string; first_seen: Date }>(
      'select name, version, source, first_seen from device_software where device_id = $1 order by name', [deviceId],
    );
    const labels = [...readSnmprec(fixture('linux-host')).entries()].filter(([oid]) => oid.startsWith('1.3.6.1.2.1.25.6.3.1.2.'));
    expect(software.rows).toHaveLength(labels.length);
    expect(new Set(software.rows.map((r) => r.source))).toEqual(new Set(['hrSWInstalled']));
    expect(software.rows.map((r) => r.name)).toContain('openssh-server');

    const later = {
      ...linux,
      probedAt: new Date().toISOString(),
      software: linux.software.filter((s) => s.name !== 'nginx').map((s) => (s.name === 'postgresql-15' ? { ...s, version: '15.7-0+deb12u1' } : s)),
    };
    await register(later);
    const changes = await c.database.db.query<{ change: string; name: string; old_version: string | null; new_version: string | null }>(
      'select change, name, old_version, new_version from software_changes where device_id = $1 order by name', [deviceId],
    );
    expect(changes.rows).toEqual([
      { change: 'removed', name: 'nginx', old_version: '1.22.1-9', new_version: null },
      { change: 'upgraded', name: 'postgresql-15', old_version: '15.6-0+deb12u1', new_version: '15.7-0+deb12u1' },
    ]);
    const kept = await c.database.db.query<{ first_seen: Date }>("select first_seen from device_software where device_id = $1 and name = 'adduser'", [deviceId]);
    expect(new Date(kept.rows[0]!.first_seen).getTime()).toBe(new Date(software.rows.find((r) => r.name === 'adduser')!.first_seen).getTime());
    const detail = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
    expect(detail.softwareCount).toBe(labels.length - 1);
    expect(detail.addresses).toEqual([{ family: 'ipv4', address: '10.1.2.30', prefixLength: 24, ifIndex: 2 }]);
  });

  it('stores a printer with its supplies', async () => {
    const { deviceId } = (await register(await probeCommunity(sim.port, 'printer'))).body;
    const detail = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
    expect(detail.deviceType).toBe('printer');
    expect(detail.supplies).toEqual([
      expect.objectContaining({ description: 'Black Cartridge HP CF289A', type: 'toner', maxCapacity: 10000, level: 2500, percent: 25 }),
      expect.objectContaining({ description: 'Fuser Kit', type: 'fuser', percent: 95 }),
    ]);
    networkDeviceDetail.parse(detail);
    const list = (await c.api('GET', '/api/v1/network/devices?deviceType=printer')).body;
    networkDeviceList.parse(list);
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([deviceId]);
  });

  it('stores the credential a probe used once, sealed, as the credential of the device', async () => {
    const printer = await probeCommunity(sim.port, 'printer');
    const credential = { name: 'printers', version: '2c', community: 'printer' };
    const a = await register(printer, { credential });
    const b = await register(printer, { credential: { ...credential, name: 'printers again' } });
    expect(a.body.credentialId).toBeTruthy();
    expect(b.body.credentialId).toBe(a.body.credentialId);
    const sets = (await c.api('GET', '/api/v1/network/credentials')).body.items;
    expect(sets).toEqual([expect.objectContaining({ id: a.body.credentialId, name: 'printers', deviceCount: 1 })]);
    expect((await c.api('GET', `/api/v1/network/devices/${a.body.deviceId}`)).body.credentialId).toBe(a.body.credentialId);
  });

  it('refuses a malformed discovery, naming the field, and one without discovery:write', async () => {
    const access = await probeCommunity(sim.port, 'access');
    const bad = await register({ ...access, interfaces: 'many' } as unknown as SnmpProbeResult);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/result\.interfaces/);
    await createUser(c.database.db, 'helpdesk1', 'helpdesk-password', 'helpdesk');
    const helpdesk = await loginAs(c.url, 'helpdesk1', 'helpdesk-password');
    expect((await c.api('POST', '/api/v1/network/discoveries', { result: access }, helpdesk)).status).toBe(403);
    expect((await c.api('GET', '/api/v1/network/devices', undefined, helpdesk)).status).toBe(200);
  });

  describe.skipIf(!recordingsPresent)('recorded devices', () => {
    const expected = recordingsPresent ? loadExpected() : [];
    const expect_ = (name: string) => expected.find((d) => d.name === name)!;

    it('a Cisco 3750: identity, interfaces, modules and forwarding entries as recorded', async () => {
      const d = expect_('switch-cisco-c3750');
      const { deviceId } = (await register(await probeCommunity(sim.port, d.community))).body;
      const detail = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
      expect(detail).toMatchObject({ hostname: d.sysName, sysName: d.sysName, serialNumber: d.entityChassis.serial, model: d.entityChassis.model });
      expect(detail.interfaceCount).toBe(d.counts.ifTableRows);
      expect(detail.modules).toHaveLength(d.counts.entityRows);
      expect(detail.forwardingCount).toBe(d.counts.fdbRows);
    });

    it('a ProCurve: its LLDP neighbours, each with its local port', async () => {
      const d = expect_('switch-hpe-procurve-516733-b21');
      const { deviceId } = (await register(await probeCommunity(sim.port, d.community))).body;
      const detail = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
      const lldp = detail.neighbours.filter((n: { protocol: string }) => n.protocol === 'lldp');
      expect(lldp).toHaveLength(d.counts.lldpRemRows);
      expect(lldp.every((n: { remoteChassisId: string | null; localPort: string | null }) => n.remoteChassisId && n.localPort)).toBe(true);
    });

    it('a Windows server: its installed software', async () => {
      const d = expect_('os-windows-server-2003-5-2');
      const { deviceId } = (await register(await probeCommunity(sim.port, d.community))).body;
      const rows = await c.database.db.query<{ n: number }>("select count(*)::int as n from device_software where device_id = $1 and source = 'hrSWInstalled'", [deviceId]);
      expect(rows.rows[0]!.n).toBe(d.counts.hrSWInstalledRows);
      expect((await c.api('GET', `/api/v1/devices/${deviceId}`)).body.osName).toMatch(/Windows/);
    });
  });
});

function byMac(a: { mac: string }, b: { mac: string }): number {
  return a.mac.localeCompare(b.mac);
}
