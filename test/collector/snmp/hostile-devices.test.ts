import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpProbeResult, SnmpSweepOutcome } from '@steward/shared';
import { sweep } from '../../../collector/src/snmp/discovery/sweep.js';
import { probeDevice } from '../../../collector/src/snmp/probe/probe-device.js';
import { freeUdpPort } from './support/free-udp-port.js';
import { backwards, endless, garbage, healthy, looping, silentMidWalk } from './support/hostile-behaviours.js';
import { startSnmpsim, type SnmpsimServer } from './support/snmpsim-server.js';
import { toolAvailable } from './support/required-tool.js';
import { startTinyAgent, type TinyAgent } from './support/tiny-agent.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/snmp', import.meta.url));
const fast = { timeoutMs: 300, retries: 1 };
const bounded = { ...fast, maxRowsPerWalk: 2000, walkTimeMs: 5000, deviceTimeMs: 10_000 };

describe('broken third-party agents (stand-ins speaking SNMP over UDP)', () => {
  const agents: TinyAgent[] = [];
  let port: number;
  const outcomes = new Map<string, { outcome: SnmpSweepOutcome; result?: SnmpProbeResult }>();
  let sweepMs = 0;
  let heapGrowth = 0;

  beforeAll(async () => {
    port = await freeUdpPort();
    const behaviours = [looping(), backwards(), endless(), silentMidWalk(), garbage(), healthy()];
    for (const [i, behaviour] of behaviours.entries()) agents.push(await startTinyAgent(`127.0.0.${i + 2}`, port, behaviour));
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    await sweep({ include: ['127.0.0.2-9'] }, {
      credentials: [{ id: 'lab', version: '2c', community: 'public' }],
      port,
      timing: fast,
      probe: bounded,
      onOutcome: (outcome, result) => { outcomes.set(outcome.host, { outcome, result }); },
    });
    sweepMs = Date.now() - started;
    heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  }, 60_000);

  afterAll(async () => {
    for (const agent of agents) await agent.stop();
  });

  const errorOf = (host: string) => outcomes.get(host)?.outcome.error;

  it('stops a walk that loops on the same OID, naming the device and the table', () => {
    expect(errorOf('127.0.0.2')).toMatchObject({ code: 'oid-not-increasing' });
    expect(errorOf('127.0.0.2')?.message).toMatch(/^127\.0\.0\.2:\d+: walk:\w+: agent answered .* again/);
  });

  it('stops a walk whose OIDs go backwards and repeat', () => {
    expect(errorOf('127.0.0.3')).toMatchObject({ code: 'oid-not-increasing' });
  });

  it('cuts an endless table at the row bound', () => {
    expect(errorOf('127.0.0.4')).toMatchObject({ code: 'row-limit' });
    const walks = outcomes.get('127.0.0.4')!.result!.walks;
    expect(Math.max(...walks.map((w) => w.rows))).toBeLessThanOrEqual(2000 + 48);
  });

  it('reports a device that falls silent mid-walk as a timeout and keeps what it had', () => {
    const { outcome, result } = outcomes.get('127.0.0.5')!;
    expect(outcome.status).toBe('identified');
    expect(outcome.error).toMatchObject({ code: 'timeout' });
    expect(outcome.error?.phase).toMatch(/^walk:/);
    expect(result?.system.sysName).toBe('broken');
  });

  it('reports undecodable answers as such rather than as silence', () => {
    expect(outcomes.get('127.0.0.6')!.outcome).toMatchObject({ status: 'error', error: { code: 'invalid-response' } });
  });

  it('carries on: the healthy device and the silent address get their own outcomes', () => {
    expect(outcomes.get('127.0.0.7')!.outcome).toMatchObject({ status: 'identified', sysName: 'broken' });
    expect(outcomes.get('127.0.0.7')!.outcome.error).toBeUndefined();
    expect(outcomes.get('127.0.0.8')!.outcome).toMatchObject({ status: 'no-response', error: { code: 'timeout' } });
    expect(outcomes.size).toBe(8);
  });

  it('stays within bounded time and memory', () => {
    console.log(`hostile sweep: ${sweepMs} ms, heap growth ${(heapGrowth / 1e6).toFixed(1)} MB`);
    expect(sweepMs).toBeLessThan(15_000);
    expect(heapGrowth).toBeLessThan(200e6);
  });
});

describe('a /24 where nothing answers', () => {
  it('finishes in about one timeout-and-retries without blocking the event loop', async () => {
    const port = await freeUdpPort();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const outcomes = await sweep({ include: ['127.3.3.0/24'], exclude: ['127.3.3.200-254'] }, {
      credentials: [{ id: 'a', version: '2c', community: 'public' }, { id: 'b', version: '2c', community: 'private' }],
      port,
      timing: { timeoutMs: 500, retries: 1 },
    });
    const elapsed = Date.now() - started;
    delay.disable();
    console.log(`silent /24 sweep: ${outcomes.length} addresses in ${elapsed} ms, longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms`);
    expect(outcomes).toHaveLength(199);
    expect(outcomes.every((o) => o.status === 'no-response')).toBe(true);
    expect(elapsed).toBeLessThan(2500);
    expect(delay.max / 1e6).toBeLessThan(250);
  });
});

const snmpsim = toolAvailable('snmpsimd', 'snmpsim');

describe.skipIf(!snmpsim)('the project\'s own recordings served by snmpsim', () => {
  let server: SnmpsimServer;
  const probe = (community: string) => probeDevice({ host: '127.0.0.1', port: server.port }, [{ id: 'fixture', version: '2c', community }], bounded);

  beforeAll(async () => {
    server = await startSnmpsim(FIXTURES, 'small-switch');
  }, 60_000);
  afterAll(async () => server?.stop());

  it('leaves out values of the wrong SNMP type, naming each field, and keeps the rest', async () => {
    const r = await probe('wrong-types');
    const fields = r.problems.filter((p) => p.code === 'wrong-type').map((p) => p.message.match(/: (\w+) \(/)?.[1]);
    expect(fields.sort()).toEqual(['hrSWInstalledName', 'ifDescr', 'ifPhysAddress', 'ifSpeed', 'ifType', 'sysDescr', 'sysObjectID']);
    expect(r.system.sysDescr).toBeUndefined();
    expect(r.interfaces).toEqual([
      expect.objectContaining({ ifIndex: 1, descr: undefined, type: undefined, speedBps: undefined, mac: undefined }),
      expect.objectContaining({ ifIndex: 2, descr: 'eth1', type: 6, speedBps: 1e9, mac: '00:11:22:33:44:55' }),
    ]);
    expect(r.software).toEqual([expect.objectContaining({ name: 'bash', version: '5.2.15-2' })]);
  });

  it('clips oversized strings to their field size and says so', async () => {
    const r = await probe('oversized');
    expect(r.system.sysDescr).toHaveLength(4096);
    expect(r.system.sysName).toHaveLength(255);
    expect(r.interfaces[0]).toMatchObject({ name: 'eth0' });
    expect(r.interfaces[0]!.descr).toHaveLength(255);
    expect(r.interfaces[0]!.alias).toHaveLength(255);
    const clipped = r.problems.filter((p) => p.code === 'value-too-long').map((p) => p.message.match(/: (\w+) is \d+ characters/)?.[1]);
    expect(clipped.sort()).toEqual(['ifAlias', 'ifDescr', 'sysDescr', 'sysName']);
    expect(r.identity).toMatchObject({ os: 'Linux', osVersion: '6.1.0' });
  });

  it('maps learned MACs through bridge ports to the interfaces they were seen on', async () => {
    const r = await probe('small-switch');
    const byMac = new Map(r.forwarding.map((f) => [f.mac, f]));
    expect(r.forwarding).toHaveLength(6);
    expect(byMac.get('00:11:22:33:44:02')).toMatchObject({ source: 'dot1d', bridgePort: 3, ifIndex: 10103, ifName: 'Gi0/3', status: 'learned' });
    expect(byMac.get('00:11:22:33:44:04')).toMatchObject({ bridgePort: 4, ifIndex: 10104, ifName: 'Gi0/4' });
    expect(byMac.get('00:11:22:33:44:05')).toMatchObject({ source: 'dot1q', fdbId: 10, bridgePort: 2, ifName: 'Gi0/2' });
    expect(byMac.get('00:11:22:33:44:06')).toMatchObject({ source: 'dot1q', fdbId: 20, ifIndex: 10104 });
    expect(r.identity).toMatchObject({ vendor: 'HP', os: 'Small Switch OS', osVersion: '2.4.1' });
  });
});
