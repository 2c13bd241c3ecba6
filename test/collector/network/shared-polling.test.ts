import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkRuntimeOf } from '../../../collector/src/services/network/network-runtime.js';
import type { Database } from '../../../collector/src/store/database.js';
import { openDatabase } from '../../../collector/src/store/open.js';
import { createPostgresDatabase, TEST_BACKEND } from '../../support/database.js';
import { freeUdpPort } from '../snmp/support/free-udp-port.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { fixture, probeCommunity } from './support/fixtures.js';
import { eventually, startNetworkCollector, type NetworkTestCollector } from './support/network-collector.js';
import { startNetworkSim, type NetworkSim } from './support/network-sim.js';

const onPostgres = TEST_BACKEND === 'postgres';
if (!onPostgres) console.warn('skipping: several collectors share polling through PostgreSQL only (set TEST_DATABASE_URL); the embedded database serves one collector');
const runnable = onPostgres && toolAvailable('snmpsimd', 'snmpsim');
const SMALL_SWITCH = fileURLToPath(new URL('../../fixtures/snmp/small-switch.snmprec', import.meta.url));
const INTERVAL_S = 3;
const LEASE_S = 5;

interface Poll { device_id: string; time: Date; polled_by: string; up: boolean }

describe.skipIf(!runnable)('two collectors polling from one PostgreSQL database', () => {
  let sim: NetworkSim;
  let drop: () => Promise<void>;
  const handles: Database[] = [];
  let a: NetworkTestCollector;
  let b: NetworkTestCollector;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-shared-polling-'));
  const devices = new Map<string, string>();

  beforeAll(async () => {
    sim = await startNetworkSim({
      access: fixture('access-switch'), core: fixture('core-switch'), linux: fixture('linux-host'), printer: fixture('office-printer'), small: SMALL_SWITCH,
    });
    const created = await createPostgresDatabase();
    drop = created.drop;
    for (let i = 0; i < 2; i++) handles.push(await openDatabase({ databaseUrl: created.url, dataDir: '' }));
    // One data folder: both collectors open credentials sealed by either with the same master key.
    a = await startNetworkCollector({ db: handles[0]!, dataDir });
    b = await startNetworkCollector({ db: handles[1]!, dataDir });
    await a.api('PUT', '/api/v1/network/polling', { tickMs: 100, leaseSeconds: LEASE_S, concurrency: 2, timeoutMs: 1500, retries: 0 });
    for (const community of ['access', 'core', 'linux', 'printer', 'small']) {
      const answer = await a.api('POST', '/api/v1/network/discoveries', {
        result: await probeCommunity(sim.port, community), credential: { name: community, version: '2c', community },
      });
      devices.set(community, answer.body.deviceId);
    }
  }, 180_000);
  afterAll(async () => {
    await b?.close().catch(() => undefined);
    await a?.close().catch(() => undefined);
    for (const h of handles) await h.close().catch(() => undefined);
    await drop?.();
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pollsSince = async (since: Date) => (await handles[1]!.query<Poll>(
    'select device_id, time, polled_by, up from snmp_reachability where time >= $1 order by time', [since],
  )).rows;
  const everyInterval = async (id: string) => {
    const answer = await a.api('PATCH', `/api/v1/network/devices/${id}`, { pollIntervalSeconds: INTERVAL_S, pollNow: true });
    expect(answer.status).toBe(200);
  };

  it('polls every device once per interval, sharing the devices between both', async () => {
    for (const id of devices.values()) await everyInterval(id);
    // A poll claimed before the interval changed may still land in the first interval: count from the second.
    const from = new Date(Date.now() + 1000 + INTERVAL_S * 1000);
    await new Promise((r) => setTimeout(r, 1000 + 5 * INTERVAL_S * 1000));
    const polls = (await pollsSince(from)).filter((p) => p.time.getTime() < from.getTime() + 4 * INTERVAL_S * 1000);
    const collectors = new Set(polls.map((p) => p.polled_by));
    expect(collectors).toEqual(new Set([networkRuntimeOf(a.ctx).collectorId, networkRuntimeOf(b.ctx).collectorId]));
    for (const [name, id] of devices) {
      const times = polls.filter((p) => p.device_id === id).map((p) => p.time.getTime());
      expect(times.length, `${name}: ${times.length} polls in 4 intervals`).toBeGreaterThanOrEqual(3);
      expect(times.length, `${name}: ${times.length} polls in 4 intervals`).toBeLessThanOrEqual(5);
      const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
      // Never twice in one interval, never an interval left out.
      for (const gap of gaps) {
        expect(gap, `${name}: gaps ${gaps.join(', ')} s`).toBeGreaterThan(INTERVAL_S * 0.6);
        expect(gap, `${name}: gaps ${gaps.join(', ')} s`).toBeLessThan(INTERVAL_S * 1.8);
      }
    }
    expect(polls.every((p) => p.up)).toBe(true);
  });

  it('hands the devices of a collector that dies mid-poll to the other once its leases run out', async () => {
    // A device that no longer answers: each poll of it waits for the whole timeout, so a collector dies while holding it.
    const linux = await probeCommunity(sim.port, 'linux');
    const silentPort = await freeUdpPort();
    const silent = (await a.api('POST', '/api/v1/network/discoveries', {
      result: { ...linux, target: { host: '127.0.0.1', port: silentPort } }, credential: { name: 'linux', version: '2c', community: 'linux' },
    })).body.deviceId as string;
    await everyInterval(silent);
    const ids = new Map([a, b].map((c) => [networkRuntimeOf(c.ctx).collectorId, c] as const));
    // Whichever collector claims the silent device dies holding it; the other must take over.
    const holderId = await eventually(async () => {
      const { rows } = await handles[1]!.query<{ leased_by: string | null }>('select leased_by from snmp_targets where device_id = $1', [silent]);
      return rows[0]?.leased_by && ids.has(rows[0].leased_by) ? rows[0].leased_by : undefined;
    }, 60_000, 'a collector to hold the silent device');
    const holder = ids.get(holderId)!;
    const survivorId = [...ids.keys()].find((id) => id !== holderId)!;

    await networkRuntimeOf(holder.ctx).poller.halt();
    const died = new Date();
    const held = (await handles[1]!.query<{ device_id: string; lease_until: Date }>(
      'select device_id, lease_until from snmp_targets where leased_by = $1', [holderId],
    )).rows;
    expect(held.map((h) => h.device_id)).toContain(silent);
    await holder.close();

    for (const { device_id: id, lease_until: until } of held) {
      const taken = await eventually(async () => (await pollsSince(died)).find((p) => p.device_id === id && p.polled_by === survivorId), 20_000, `the survivor to poll ${id}`);
      // A poll the dead collector still finished hands its lease back on the spot; any other device
      // is not polled before that lease ended: no device is polled twice at once.
      const { rows: finished } = await handles[1]!.query<{ n: number }>(
        'select count(*)::int as n from snmp_reachability where device_id = $1 and polled_by = $2 and time > $3',
        [id, holderId, new Date(until.getTime() - LEASE_S * 1000 - 100)],
      );
      if (finished[0]!.n === 0) expect(taken.time.getTime()).toBeGreaterThanOrEqual(until.getTime() - 50);
    }
    const silentPolls = (await pollsSince(died)).filter((p) => p.device_id === silent);
    expect(silentPolls.every((p) => p.polled_by === survivorId && !p.up)).toBe(true);
    // And nothing is forgotten: every device is polled again, by the survivor.
    for (const id of [...devices.values(), silent]) {
      await eventually(async () => (await pollsSince(died)).some((p) => p.device_id === id && p.polled_by === survivorId), 20_000, `the survivor to poll ${id}`);
    }
  });
});
