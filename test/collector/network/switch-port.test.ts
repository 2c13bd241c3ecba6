import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchPortLocation } from '@steward/shared';
import { enrolTestAgent } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';
import { recordingsPresent, RECORDINGS_DIR } from '../snmp/support/recordings.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { fixture, learnedPortOf, probeCommunity } from './support/fixtures.js';
import { startSingleNetworkCollector } from './support/network-collector.js';
import { startNetworkSim, type NetworkSim } from './support/network-sim.js';

const runnable = toolAvailable('snmpsimd', 'snmpsim');
const C3750 = 'switch-cisco-c3750';
const PROCURVE = 'switch-hpe-procurve-516733-b21';
const recording = (name: string) => join(RECORDINGS_DIR, `${name}.snmprec`);

// The fixtures' computers: PC A alone on an access port, PC B beside a phone, the Linux server on the core.
const PC_A = '3c:52:82:aa:00:01';
const PC_B = '3c:52:82:aa:00:02';

describe.skipIf(!runnable)('where devices plug in, from switch forwarding tables', () => {
  let sim: NetworkSim;
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startNetworkSim({
      access: fixture('access-switch'), core: fixture('core-switch'), linux: fixture('linux-host'),
      ...(recordingsPresent ? { [C3750]: recording(C3750), [PROCURVE]: recording(PROCURVE) } : {}),
    });
    c = await startSingleNetworkCollector();
    for (const community of ['access', 'core', 'linux', ...(recordingsPresent ? [C3750, PROCURVE] : [])]) {
      const answer = await c.api('POST', '/api/v1/network/discoveries', { result: await probeCommunity(sim.port, community) });
      expect(answer.status).toBe(201);
      ids[community] = answer.body.deviceId;
    }
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
    await sim?.stop();
  });

  /** An agent reporting through the real API with these MACs; answers its device id. */
  async function agentWith(hostname: string, macs: string[]): Promise<string> {
    const agent = await enrolTestAgent(c.url, hostname);
    const base = makeReport(agent.agentId);
    const report = makeReport(agent.agentId, {
      identity: { ...base.identity, hostname, serialNumber: `SN-${hostname}`, hardwareUuid: undefined, macAddresses: macs },
      hardware: { ...base.hardware, networkInterfaces: macs.map((mac, i) => ({ name: `eth${i}`, mac, ipv4: [], ipv6: [] })) },
    });
    const response = await fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(report),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { deviceId: string }).deviceId;
  }

  const switchPort = async (deviceId: string) => switchPortLocation.parse((await c.api('GET', `/api/v1/devices/${deviceId}/switch-port`)).body);

  it('puts a computer on the access port its MAC was learned on, not on the uplinks that also carry it', async () => {
    const pc = await agentWith('pc-a', [PC_A]);
    const expected = learnedPortOf(fixture('access-switch'), PC_A);
    const found = await switchPort(pc);
    expect(found.location).toMatchObject({ switchId: ids.access, switchName: 'access-sw-1', bridgePort: expected.bridgePort, ifName: expected.ifName, mac: PC_A, edge: true, macsOnPort: 1 });
    // The core learned it too, on its downlink to the access switch: listed, ranked after.
    expect(found.sightings).toHaveLength(2);
    expect(found.sightings[1]).toMatchObject({ switchId: ids.core, ifName: 'Te1/1', edge: false });
  });

  it('keeps a port with a phone beside the computer an edge port', async () => {
    const pc = await agentWith('pc-b', [PC_B]);
    const found = await switchPort(pc);
    expect(found.location).toMatchObject({ switchName: 'access-sw-1', ifName: learnedPortOf(fixture('access-switch'), PC_B).ifName, edge: true, macsOnPort: 2 });
  });

  it('locates devices found by SNMP too, and names the known devices on each switch port', async () => {
    const server = await c.api('GET', `/api/v1/network/devices/${ids.linux}`);
    expect(server.body.location.location).toMatchObject({ switchId: ids.core, ifName: 'Gi2/1', edge: true });
    const access = (await c.api('GET', `/api/v1/network/devices/${ids.access}`)).body;
    const gi1 = access.ports.find((p: { ifName: string }) => p.ifName === learnedPortOf(fixture('access-switch'), PC_A).ifName);
    expect(gi1.macs).toEqual([expect.objectContaining({ mac: PC_A, hostname: 'pc-a' })]);
    expect(access.neighbours[0].remoteDeviceId).toBe(ids.core);
    const uplink = access.ports.find((p: { ifName: string }) => p.ifName === 'Te1/0/24');
    expect(uplink.macs.find((m: { mac: string }) => m.mac === '3c:52:82:aa:00:03')).toMatchObject({ deviceId: ids.linux, hostname: 'web-01' });
  });

  it('answers no location for a device whose MACs no switch learned, and 404 for an unknown device', async () => {
    const pc = await agentWith('pc-elsewhere', ['3c:52:82:ff:ff:01']);
    expect(await switchPort(pc)).toEqual({ deviceId: pc, location: null, sightings: [] });
    expect((await c.api('GET', '/api/v1/devices/6f1c2d3e-0000-4000-8000-000000000000/switch-port')).status).toBe(404);
  });

  describe.skipIf(!recordingsPresent)('recorded switches', () => {
    it('a Cisco 3750 whose ports all lead to further switches and access points: placed on the port, not as an edge', async () => {
      // Every port of this switch with learned addresses has a Catalyst or a controller-run access point as its CDP neighbour.
      for (const mac of ['00:11:21:e7:f1:17', '00:18:b9:23:d7:31']) {
        const found = await switchPort(await agentWith(`far-${mac.slice(-2)}`, [mac]));
        expect(found.location).toMatchObject({ switchId: ids[C3750], ...learnedPortOf(recording(C3750), mac), mac, edge: false });
      }
    });

    it('a ProCurve: a server port (an adapter as LLDP neighbour) is an edge, the port towards the Nexus is not', async () => {
      const server = '00:50:56:93:42:9e';
      const beyond = '00:00:0c:07:ac:32';
      const onServerPort = await switchPort(await agentWith('vm-1', [server]));
      expect(onServerPort.location).toMatchObject({ switchId: ids[PROCURVE], bridgePort: learnedPortOf(recording(PROCURVE), server).bridgePort, edge: true });
      const viaUplink = await switchPort(await agentWith('far-2', [beyond]));
      expect(viaUplink.location).toMatchObject({ switchId: ids[PROCURVE], bridgePort: learnedPortOf(recording(PROCURVE), beyond).bridgePort, edge: false });
      expect(viaUplink.location?.macsOnPort).toBeGreaterThan(100);
    });
  });
});
