import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoftwareEntry } from '@steward/shared';
import { TEST_ENROLL_SECRET } from '../support/collector.js';
import { TEST_BACKEND } from '../support/database.js';
import { spawnBin, type Spawned } from '../support/processes.js';
import { ByteCountingProxy } from '../agent/delivery/support/byte-counting-proxy.js';
import { RestartableCollector } from '../agent/delivery/support/restartable-collector.js';

const INTERVAL_SECONDS = 1;

type Extra = Array<Pick<SoftwareEntry, 'name' | 'version'> & Partial<SoftwareEntry>>;

/** Replaces the extra software file as a deployment tool should: a whole new file renamed into place. */
function writeExtra(file: string, software: Extra): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(software));
  renameSync(`${file}.tmp`, file);
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const matches = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
const DELIVERED = (kind: string) => new RegExp(`"kind":"${kind}"[^\\n]*"msg":"report delivered"`);
const COLLECTED = (kind: string) => new RegExp(`"kind":"${kind}"[^\\n]*"msg":"collected"`);

function startAgent(server: string, stateDir: string, extraFile: string, env: Record<string, string> = {}): Spawned {
  return spawnBin('agent', [], {
    STEWARD_SERVER: server,
    STEWARD_ENROLL_SECRET: TEST_ENROLL_SECRET,
    STEWARD_AGENT_STATE_DIR: stateDir,
    STEWARD_AGENT_INTERVAL: String(INTERVAL_SECONDS),
    STEWARD_AGENT_EXTRA_SOFTWARE_FILE: extraFile,
    STEWARD_LOG_LEVEL: 'info',
    ...env,
  });
}

/**
 * A running agent (1 s cycles, a software list the test edits) against a real collector it reaches
 * through a relay that counts bytes; the collector is stopped and started under it.
 */
describe(`a running agent's delta reports (${TEST_BACKEND})`, () => {
  let collector: RestartableCollector;
  let proxy: ByteCountingProxy;
  let agent: Spawned;
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-delta-'));
  const stateDir = path.join(work, 'state');
  const extraFile = path.join(work, 'extra.json');
  let deviceId: string;
  let agentId: string;

  beforeAll(async () => {
    collector = await RestartableCollector.create();
    await collector.start();
    proxy = new ByteCountingProxy(collector.port);
    const url = await proxy.listen();
    writeExtra(extraFile, [{ name: 'acme-base', version: '1' }]);
    agent = startAgent(url, stateDir, extraFile);
    await agent.waitFor(DELIVERED('full'), 120_000);
    const row = (await collector.db.query<{ id: string; device_id: string }>('select id, device_id from agents')).rows[0]!;
    [agentId, deviceId] = [row.id, row.device_id];
  });
  afterAll(async () => {
    agent?.child.kill('SIGTERM');
    await agent?.exited;
    await proxy?.close();
    await collector?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const heldSoftware = async (name: string) =>
    (await collector.db.query<{ version: string }>("select version from device_software where device_id = $1 and source = 'other' and name = $2", [deviceId, name])).rows;

  it('sends a full report first, then a no-change cycle in under 2 KB', async () => {
    await agent.waitFor(new RegExp(`${DELIVERED('still').source}[\\s\\S]*${DELIVERED('still').source}`), 30_000);
    proxy.reset();
    const before = matches(agent.output(), DELIVERED('still'));
    await until(() => matches(agent.output(), DELIVERED('still')) >= before + 5, 30_000, 'five unchanged cycles');
    const cycles = matches(agent.output(), DELIVERED('still')) - before;
    const perCycle = proxy.counts.httpSent / cycles;
    console.log(`unchanged cycle: ${perCycle.toFixed(0)} bytes sent (request and headers), ${(proxy.counts.httpReceived / cycles).toFixed(0)} bytes answered`);
    expect(perCycle).toBeLessThanOrEqual(2048);
    expect(perCycle).toBeGreaterThan(200);
  });

  it('shows one package added, then removed, at the collector within one cycle', async () => {
    for (const software of [[{ name: 'acme-base', version: '1' }, { name: 'acme-tool', version: '4.2' }], [{ name: 'acme-base', version: '1' }]]) {
      const expected = software.length === 2 ? 1 : 0;
      const changedAt = Date.now();
      const cyclesBefore = matches(agent.output(), /"msg":"collected"/);
      writeExtra(extraFile, software);
      await until(async () => (await heldSoftware('acme-tool')).length === expected, 15_000, 'acme-tool at the collector');
      const elapsed = Date.now() - changedAt;
      const cycles = matches(agent.output(), /"msg":"collected"/) - cyclesBefore;
      console.log(`acme-tool ${expected ? 'added' : 'removed'}: at the collector after ${elapsed} ms, ${cycles} collection(s) later`);
      // The collection under way when the file changed may have missed it; the next one must not.
      expect(cycles).toBeLessThanOrEqual(2);
      expect(elapsed).toBeLessThanOrEqual(INTERVAL_SECONDS * 1000 + 4000);
    }
    const { rows } = await collector.db.query<{ change: string }>("select change from software_changes where device_id = $1 and name = 'acme-tool' order by time", [deviceId]);
    expect(rows.map((r) => r.change)).toEqual(['added', 'removed']);
  });

  it('sends a full report when the collector asks over the WebSocket', async () => {
    const fullReports = async () => (await collector.db.query<{ n: number }>("select count(*)::int as n from agent_reports where kind = 'full'")).rows[0]!.n;
    const changes = async () => (await collector.db.query<{ n: number }>('select count(*)::int as n from software_changes')).rows[0]!.n;
    const [fullBefore, changesBefore] = [await fullReports(), await changes()];
    const ask = await fetch(`${collector.url}/api/v1/agents/${agentId}/resync`, { method: 'POST', headers: await collector.adminAuth() });
    expect(ask.status).toBe(200);
    await until(async () => (await fullReports()) === fullBefore + 1, 20_000, 'a full report after the resync request');
    expect(agent.output()).toContain('collector asks for a full report');
    // The full report matches what was held: nothing to record as changed.
    expect(await changes()).toBe(changesBefore);
  });

  it('loses nothing while the collector is down for many cycles: every change arrives, once, in order', async () => {
    await collector.stop();
    proxy.dropConnections();
    const steps: Array<{ software: Extra; change: [string, string, string | null, string | null] }> = [];
    let current: Extra = [{ name: 'acme-base', version: '1' }];
    const step = (change: [string, string, string | null, string | null], edit: (s: Extra) => Extra) => {
      current = edit(current);
      steps.push({ software: current, change });
    };
    step(['added', 'tool-a', null, '1.0'], (s) => [...s, { name: 'tool-a', version: '1.0' }]);
    step(['added', 'tool-b', null, '2.0'], (s) => [...s, { name: 'tool-b', version: '2.0' }]);
    step(['upgraded', 'tool-a', '1.0', '1.1'], (s) => s.map((e) => (e.name === 'tool-a' ? { ...e, version: '1.1' } : e)));
    step(['removed', 'tool-b', '2.0', null], (s) => s.filter((e) => e.name !== 'tool-b'));
    step(['added', 'tool-c', null, '0.9'], (s) => [...s, { name: 'tool-c', version: '0.9' }]);
    step(['upgraded', 'acme-base', '1', '2'], (s) => s.map((e) => (e.name === 'acme-base' ? { ...e, version: '2' } : e)));
    step(['removed', 'tool-a', '1.1', null], (s) => s.filter((e) => e.name !== 'tool-a'));
    step(['added', 'tool-b', null, '3.0'], (s) => [...s, { name: 'tool-b', version: '3.0' }]);
    step(['upgraded', 'tool-c', '0.9', '1.0'], (s) => s.map((e) => (e.name === 'tool-c' ? { ...e, version: '1.0' } : e)));
    step(['removed', 'acme-base', '2', null], (s) => s.filter((e) => e.name !== 'acme-base'));

    const downSince = new Date();
    for (const { software } of steps) {
      const collected = matches(agent.output(), COLLECTED('delta'));
      writeExtra(extraFile, software);
      await until(() => matches(agent.output(), COLLECTED('delta')) > collected, 20_000, 'the agent to collect the change');
    }
    // More cycles with nothing new, all while the collector is away.
    const cycles = matches(agent.output(), /"msg":"collected"/g);
    await until(() => matches(agent.output(), /"msg":"collected"/g) >= cycles + 5, 30_000, 'more unchanged cycles');
    const spooled = readdirSync(path.join(stateDir, 'spool'));
    expect(spooled.filter((name) => name.includes('-delta-'))).toHaveLength(steps.length);
    // Unchanged cycles replace each other while they wait.
    expect(spooled.filter((name) => name.includes('-still-')).length).toBeLessThanOrEqual(1);

    await collector.start();
    await until(() => readdirSync(path.join(stateDir, 'spool')).length === 0, 60_000, 'the spool to drain');
    const { rows } = await collector.db.query<{ change: string; name: string; old_version: string | null; new_version: string | null }>(
      'select change, name, old_version, new_version from software_changes where device_id = $1 and time >= $2 order by time',
      [deviceId, downSince],
    );
    expect(rows.map((r) => [r.change, r.name, r.old_version, r.new_version])).toEqual(steps.map((s) => s.change));
    const held = (await collector.db.query<{ name: string; version: string }>(
      "select name, version from device_software where device_id = $1 and source = 'other' order by name", [deviceId],
    )).rows;
    expect(held).toEqual(current.map(({ name, version }) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name)));
  });
});

describe(`a bounded spool while the collector is away (${TEST_BACKEND})`, () => {
  let collector: RestartableCollector;
  let agent: Spawned;
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-bound-'));
  const stateDir = path.join(work, 'state');
  const extraFile = path.join(work, 'extra.json');
  const BOUND = 320 * 1024;

  beforeAll(async () => {
    collector = await RestartableCollector.create();
    await collector.start();
  });
  afterAll(async () => {
    agent?.child.kill('SIGTERM');
    await agent?.exited;
    await collector?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  /** Twenty entries with long install paths: each swap makes a delta of some 80 KB. */
  const bulky = (round: number): Extra => Array.from({ length: 20 }, (_, i) => ({
    name: `bulky-${round}-${i}`, version: '1', installLocation: `/opt/bulky/${round}/${i}/${'x'.repeat(1900)}`,
  }));

  it('folds the oldest reports into a full one past the bound, and the collector ends up with everything', async () => {
    writeExtra(extraFile, bulky(0));
    agent = startAgent(collector.url, stateDir, extraFile, { STEWARD_AGENT_SPOOL_MAX_BYTES: String(BOUND) });
    await agent.waitFor(DELIVERED('full'), 120_000);
    await collector.stop();
    const spoolBytes = () => readdirSync(path.join(stateDir, 'spool')).reduce((sum, name) => {
      try {
        return sum + statSync(path.join(stateDir, 'spool', name)).size;
      } catch {
        return sum;
      }
    }, 0);
    let largest = 0;
    for (let round = 1; round <= 8; round++) {
      const collected = matches(agent.output(), COLLECTED('delta'));
      writeExtra(extraFile, bulky(round));
      await until(() => matches(agent.output(), COLLECTED('delta')) > collected, 20_000, `round ${round} collected`);
      largest = Math.max(largest, spoolBytes());
    }
    expect(agent.output()).toContain('oldest reports folded into one full report');
    expect(largest).toBeLessThanOrEqual(BOUND);

    await collector.start();
    await until(() => readdirSync(path.join(stateDir, 'spool')).length === 0, 60_000, 'the spool to drain');
    const deviceId = (await collector.db.query<{ device_id: string }>('select device_id from agents')).rows[0]!.device_id;
    const held = (await collector.db.query<{ name: string }>("select name from device_software where device_id = $1 and source = 'other' order by name", [deviceId])).rows;
    expect(held.map((r) => r.name)).toEqual(bulky(8).map((e) => e.name).sort());
    // The last rounds arrived as deltas after the folded full report: their own changes are in the history.
    const { rows } = await collector.db.query<{ name: string }>("select name from software_changes where device_id = $1 and change = 'added' and name like 'bulky-8-%'", [deviceId]);
    expect(rows).toHaveLength(20);
  });
});
