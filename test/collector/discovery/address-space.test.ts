import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubnetDetail, SubnetSummary } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { expectStatus, startAlertWorld, type AlertWorld } from '../alerts/support/alert-world.js';
import { fixture } from '../network/support/fixtures.js';
import { startNetworkSim, type NetworkSim } from '../network/support/network-sim.js';

/*
 * The address space of a small estate: three agents on 10.20.0.0/24 (two of them on one address,
 * with different MACs: a conflict), a Linux host found by an SNMP sweep on 10.1.2.0/24, and a
 * range named in a sweep. Every address appears with the device and MAC holding it.
 */

const runnable = toolAvailable('snmpsimd', 'snmpsim');

interface Machine { hostname: string; uuid: string; serial: string; mac: string; ipv4: string[] }

const MACHINES: Machine[] = [
  { hostname: 'ws-a', uuid: '11111111-0000-4000-8000-000000000001', serial: 'SER-A-001', mac: '02:00:00:00:0a:01', ipv4: ['10.20.0.10/24', '127.0.0.1'] },
  { hostname: 'ws-b', uuid: '11111111-0000-4000-8000-000000000002', serial: 'SER-B-002', mac: '02:00:00:00:0b:02', ipv4: ['10.20.0.11'] },
  { hostname: 'ws-c', uuid: '11111111-0000-4000-8000-000000000003', serial: 'SER-C-003', mac: '02:00:00:00:0c:03', ipv4: ['10.20.0.10'] },
];

async function report(w: AlertWorld, m: Machine): Promise<void> {
  const agent = await enrolTestAgent(w.c.url, m.hostname);
  const body = makeReport(agent.agentId, {
    identity: { hostname: m.hostname, hardwareUuid: m.uuid, serialNumber: m.serial, macAddresses: [m.mac] },
    hardware: {
      ...makeReport(agent.agentId).hardware,
      system: { manufacturer: 'Dell Inc.', model: 'OptiPlex 7090', serial: m.serial, uuid: m.uuid },
      networkInterfaces: [{ name: 'eth0', mac: m.mac, ipv4: m.ipv4, ipv6: ['fe80::1'], subnets: ['10.20.0.0/24'] }],
    },
  });
  const answer = await fetch(`${w.c.url}/api/v1/agents/report`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`report refused: ${answer.status} ${await answer.text()}`);
}

describe.skipIf(!runnable).each(CONTRACT_BACKENDS)('IP address space on %s', (backend) => {
  let w: AlertWorld;
  let sim: NetworkSim;
  let subnets: SubnetSummary[];

  beforeAll(async () => {
    sim = await startNetworkSim({ linux: fixture('linux-host') });
    w = await startAlertWorld(backend);
    for (const m of MACHINES) await report(w, m);
    expectStatus(await w.admin.post('/api/v1/network/credentials', { name: 'lab', version: '2c', community: 'linux' }), 201);
    const sweep = expectStatus(await w.admin.post('/api/v1/network/sweeps', { include: ['127.0.0.1'], port: sim.port, timeoutMs: 3000 }), 202);
    for (let i = 0; i < 600; i++) {
      if (expectStatus(await w.admin.get(`/api/v1/network/sweeps/${sweep.id}`), 200).status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // A range named in a sweep is a subnet of the organisation even before anything in it answers;
    // excluded whole, this sweep sends nothing anywhere.
    expectStatus(await w.admin.post('/api/v1/network/sweeps', { include: ['10.99.0.0/29'], exclude: ['10.99.0.0/29'], port: sim.port }), 202);
    expectStatus(await w.admin.post('/api/v1/address-space/refresh', {}), 200);
    subnets = expectStatus(await w.admin.get('/api/v1/address-space/subnets'), 200).items;
  }, 240_000);
  afterAll(async () => {
    await w?.stop();
    await sim?.stop();
  });

  it('knows the subnets from agents, SNMP devices and sweep ranges, with what is used and free', () => {
    expect(subnets.map((s) => [s.cidr, s.sources])).toEqual([
      ['10.1.2.0/24', ['snmp']], ['10.20.0.0/24', ['agent']], ['10.99.0.0/29', ['sweep']],
    ]);
    expect(subnets.find((s) => s.cidr === '10.20.0.0/24')).toMatchObject({ size: 254, used: 2, free: 252, conflicts: 1 });
    expect(subnets.find((s) => s.cidr === '10.1.2.0/24')).toMatchObject({ size: 254, used: 1, conflicts: 0 });
    expect(subnets.find((s) => s.cidr === '10.99.0.0/29')).toMatchObject({ size: 6, used: 0, free: 6 });
  });

  it('lists each address with the devices and MACs holding it, and flags the conflict', async () => {
    const detail = expectStatus(await w.admin.get(`/api/v1/address-space/subnet?cidr=${encodeURIComponent('10.20.0.0/24')}`), 200) as SubnetDetail;
    const holders = Object.fromEntries(detail.addresses.map((a) => [a.address, a.holders.map((h) => `${h.hostname}/${h.mac}`).sort()]));
    expect(holders).toEqual({ '10.20.0.10': ['ws-a/02:00:00:00:0a:01', 'ws-c/02:00:00:00:0c:03'], '10.20.0.11': ['ws-b/02:00:00:00:0b:02'] });
    expect(detail.addresses.filter((a) => a.conflict).map((a) => a.address)).toEqual(['10.20.0.10']);
    expect(detail.freeRanges).toEqual([
      { first: '10.20.0.1', last: '10.20.0.9', count: 9 }, { first: '10.20.0.12', last: '10.20.0.254', count: 243 },
    ]);
    const conflicts = expectStatus(await w.admin.get('/api/v1/address-space/conflicts'), 200).items;
    expect(conflicts.map((c: { address: string }) => c.address)).toEqual(['10.20.0.10']);
  });

  it('shows the SNMP device on the address its interface table gives', async () => {
    const detail = expectStatus(await w.admin.get(`/api/v1/address-space/subnet?cidr=${encodeURIComponent('10.1.2.0/24')}`), 200) as SubnetDetail;
    expect(detail.addresses.map((a) => [a.address, a.holders.map((h) => [h.kind, h.mac])])).toEqual([['10.1.2.30', [['snmp', '3c:52:82:aa:00:03']]]]);
  });

  it('answers 404 for a subnet it does not know and 400 for what is not a subnet', async () => {
    expect((await w.admin.get(`/api/v1/address-space/subnet?cidr=${encodeURIComponent('10.30.0.0/24')}`)).status).toBe(404);
    expect((await w.admin.get('/api/v1/address-space/subnet?cidr=x')).status).toBe(400);
  });
});
