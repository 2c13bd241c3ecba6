import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '@steward/shared';
import { probeDevice } from '../../../collector/src/snmp/index.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { SNMPD_COMMUNITY, SNMPD_SYSNAME, SNMPD_USER, startSnmpd, type SnmpdServer } from '../snmp/support/snmpd-server.js';
import { eventually, startSingleNetworkCollector } from './support/network-collector.js';

const runnable = toolAvailable('snmpd', 'snmpd');

/** A real snmpd, whose counters move, polled on its schedule until it is stopped. */
describe.skipIf(!runnable)('polling a device', () => {
  let snmpd: SnmpdServer;
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;
  let deviceId: string;
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    snmpd = await startSnmpd();
    c = await startSingleNetworkCollector();
    c.ctx.live.subscribe((e) => events.push(e));
    const settings = await c.api('PUT', '/api/v1/network/polling', { tickMs: 100, leaseSeconds: 20, timeoutMs: 1000, retries: 0 });
    expect(settings.body).toMatchObject({ tickMs: 100, leaseSeconds: 20, defaultIntervalSeconds: 300, concurrency: 16 });
    const result = await probeDevice({ host: '127.0.0.1', port: snmpd.port }, [{ id: 'command-line', version: '2c', community: SNMPD_COMMUNITY }]);
    const answer = await c.api('POST', '/api/v1/network/discoveries', { result, credential: { name: 'snmpd v2c', version: '2c', community: SNMPD_COMMUNITY } });
    deviceId = answer.body.deviceId;
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
    await snmpd?.stop();
  });

  const samples = async () => (await c.api('GET', `/api/v1/network/devices/${deviceId}/samples`)).body;
  const pollNow = () => c.api('PATCH', `/api/v1/network/devices/${deviceId}`, { pollNow: true });

  it('polls a newly discovered device at once, with 64-bit counters, and computes rates from the next poll', async () => {
    const first = await eventually(async () => (await samples()).reachability.length >= 1 && samples(), 20_000, 'a first poll');
    expect(first.reachability[0]).toMatchObject({ up: true });
    expect(first.reachability[0].rttMs).toBeGreaterThan(0);
    const lo = first.counters.filter((r: { ifIndex: number }) => r.ifIndex === 1);
    expect(lo).toHaveLength(1);
    expect(lo[0]).toMatchObject({ highCapacity: true, inBps: null });
    expect(BigInt(lo[0].inOctets)).toBeGreaterThan(0n);

    await pollNow();
    const second = await eventually(async () => { const s = await samples(); return s.reachability.length >= 2 && s; }, 20_000, 'a second poll');
    const latest = second.counters.filter((r: { ifIndex: number }) => r.ifIndex === 1)[0];
    expect(BigInt(latest.inOctets)).toBeGreaterThanOrEqual(BigInt(lo[0].inOctets));
    expect(latest.inBps).not.toBeNull();
    expect(latest.inBps).toBeGreaterThanOrEqual(0);
    const detail = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
    expect(detail).toMatchObject({ up: true, lastError: null, sysName: SNMPD_SYSNAME });
    expect(detail.interfaces.find((i: { ifIndex: number }) => i.ifIndex === 1).inBps).toBe(latest.inBps);
    expect(Date.parse(detail.nextPollAt)).toBeGreaterThan(Date.now() + 200_000);
  });

  it('polls with an SNMPv3 credential set once the device is given one', async () => {
    const v3 = await c.api('POST', '/api/v1/network/credentials', {
      name: 'snmpd v3', version: '3', user: SNMPD_USER.user, level: 'authPriv', authProtocol: 'sha', authKey: SNMPD_USER.authKey,
      privProtocol: 'aes', privKey: SNMPD_USER.privKey,
    });
    const before = (await samples()).reachability.length;
    await c.api('PATCH', `/api/v1/network/devices/${deviceId}`, { credentialId: v3.body.id, pollNow: true });
    const after = await eventually(async () => { const s = await samples(); return s.reachability.length > before && s; }, 20_000, 'a v3 poll');
    expect(after.reachability[0].up).toBe(true);
    expect((await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body.credentialId).toBe(v3.body.id);
  });

  it('marks a device that stops answering down, and stops moving its last-seen time', async () => {
    const seen = (await c.api('GET', `/api/v1/devices/${deviceId}`)).body.lastSeen;
    const eventsBefore = events.length;
    await snmpd.stop();
    await pollNow();
    const detail = await eventually(async () => {
      const d = (await c.api('GET', `/api/v1/network/devices/${deviceId}`)).body;
      return d.up === false && d;
    }, 20_000, 'the device to be marked down');
    expect(detail.lastError).toMatch(/no answer/);
    expect((await samples()).reachability[0]).toMatchObject({ up: false, rttMs: null });
    expect((await c.api('GET', `/api/v1/devices/${deviceId}`)).body.lastSeen).toBe(seen);
    expect((await c.api('GET', '/api/v1/network/devices?up=false')).body.items.map((d: { id: string }) => d.id)).toEqual([deviceId]);
    expect(events.slice(eventsBefore)).toContainEqual(expect.objectContaining({ type: 'device.changed', deviceId, change: 'updated' }));
    expect(c.logs()).toContain('network device stopped answering');
  });
});
