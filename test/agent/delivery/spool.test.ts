import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InventoryContent, InventoryReport, SoftwareEntry } from '@steward/shared';
import { ReportSpool } from '../../../agent/src/spool.js';
import { boundSpool, reportsToFold } from '../../../agent/src/spool-bound.js';
import { deltaReport, fullReport } from '../../../agent/src/report.js';
import { hashInventory } from '../../../agent/src/content-hash.js';
import { applyInventoryChanges, diffInventory } from '../../../agent/src/inventory-delta.js';
import type { InventorySnapshot } from '../../../agent/src/inventory-snapshots.js';

const AGENT = '5b0c6f6e-3f7e-4a59-9d3c-0a4f1f2b8c11';

function inventory(software: SoftwareEntry[]): InventoryContent {
  const report = fullReport(AGENT, {
    identity: { hostname: 'ws-7', macAddresses: ['3c:52:82:11:22:33'] },
    hardware: { system: {}, bios: {}, cpu: { cores: 4 }, memory: { totalBytes: 8 * 2 ** 30, modules: [] }, disks: [], networkInterfaces: [], gpus: [] },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12' },
    software,
  });
  return { identity: report.identity, hardware: report.hardware, os: report.os, software: report.software };
}

const packages = (count: number, version = '1.0') =>
  Array.from({ length: count }, (_, i): SoftwareEntry => ({ name: `package-${i}`, version, source: 'dpkg', arch: 'amd64' }));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steward-spool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the spool', () => {
  it('keeps its order across restarts, even when the clock goes back', () => {
    const first = new ReportSpool(dir);
    first.add('full', crypto.randomUUID(), '{"n":1}');
    first.add('delta', crypto.randomUUID(), '{"n":2}');
    const again = new ReportSpool(dir);
    again.add('still', crypto.randomUUID(), '{"n":3}');
    expect(again.pending().map((item) => JSON.parse(again.read(item.name)).n)).toEqual([1, 2, 3]);
    expect(again.pending().map((item) => item.kind)).toEqual(['full', 'delta', 'still']);
  });

  it('reads the names an earlier agent wrote as full reports, in their order, and queues after them', () => {
    const legacy = path.join(dir, 'spool');
    const spool = new ReportSpool(dir);
    writeFileSync(path.join(legacy, `001795650000000-000000-${crypto.randomUUID()}.json`), '{"n":1}');
    writeFileSync(path.join(legacy, `001795650000001-000001-${crypto.randomUUID()}.json`), '{"n":2}');
    const reopened = new ReportSpool(dir);
    reopened.add('delta', crypto.randomUUID(), '{"n":3}');
    expect(reopened.pending().map((item) => [item.kind, JSON.parse(spool.read(item.name)).n])).toEqual([['full', 1], ['full', 2], ['delta', 3]]);
  });

  it('sets a refused report aside, out of the queue but not lost', () => {
    const spool = new ReportSpool(dir);
    const item = spool.add('full', crypto.randomUUID(), '{}');
    spool.reject(item.name);
    expect(spool.pending()).toEqual([]);
    expect(readdirSync(path.join(dir, 'rejected'))).toEqual([item.name]);
  });
});

describe('choosing how many reports to fold', () => {
  const items = (sizes: number[]) => sizes.map((bytes, position) => ({ name: `${position}`, kind: 'delta' as const, position, bytes }));

  it('folds nothing within the bound', () => {
    expect(reportsToFold(items([100, 100, 100]), 300, 150)).toBe(0);
  });

  it('folds the fewest oldest reports that make room, never just one', () => {
    expect(reportsToFold(items([100, 100, 100, 100]), 350, 150)).toBe(2);
    expect(reportsToFold(items([500, 100, 100, 100]), 450, 150)).toBe(2);
    expect(reportsToFold(items([100, 100, 100, 100]), 280, 150)).toBe(3);
  });

  it('folds everything when even that does not fit', () => {
    expect(reportsToFold(items([100, 100, 100]), 120, 150)).toBe(3);
  });
});

describe('bounding the spool', () => {
  /** Spools a full report and then a delta per step, as the agent would while the collector is away. */
  function spoolChain(spool: ReportSpool, steps: InventoryContent[]): InventorySnapshot {
    const first = fullReport(AGENT, steps[0]!);
    spool.add('full', first.reportId, JSON.stringify(first));
    let latest: InventorySnapshot = { hash: hashInventory(steps[0]!), content: steps[0]!, collectedAt: first.collectedAt };
    for (const step of steps.slice(1)) {
      const hash = hashInventory(step);
      const delta = deltaReport(AGENT, latest.hash, hash, diffInventory(latest.content, step));
      spool.add('delta', delta.reportId, JSON.stringify(delta));
      latest = { hash, content: step, collectedAt: delta.collectedAt };
    }
    return latest;
  }

  const steps = (count: number) => Array.from({ length: count }, (_, i) => inventory([...packages(200), ...packages(i).map((p) => ({ ...p, name: `extra-${p.name}` }))]));

  it('folds the oldest reports into one full report of where they led, and keeps the newer deltas applicable', () => {
    const spool = new ReportSpool(dir);
    const chain = steps(40);
    const latest = spoolChain(spool, chain);
    const before = spool.pending();
    const total = before.reduce((sum, item) => sum + item.bytes, 0);
    const bound = Math.floor(total * 0.6);

    const outcome = boundSpool(spool, bound, { latest }, AGENT);

    const after = spool.pending();
    expect(outcome.replayed).toBe(true);
    expect(outcome.folded).toBeGreaterThan(1);
    expect(after.reduce((sum, item) => sum + item.bytes, 0)).toBeLessThanOrEqual(bound);
    expect(after[0]!.kind).toBe('full');
    expect(after).toHaveLength(before.length - outcome.folded + 1);
    // The full report stands where the folded ones were, and the deltas after it still chain on from it.
    const folded = JSON.parse(spool.read(after[0]!.name)) as InventoryReport;
    let state = { identity: folded.identity, hardware: folded.hardware, os: folded.os, software: folded.software } as InventoryContent;
    expect(hashInventory(state)).toBe(hashInventory(chain[outcome.folded - 1]!));
    for (const item of after.slice(1)) {
      const delta = JSON.parse(spool.read(item.name));
      expect(delta.baseHash).toBe(hashInventory(state));
      state = applyInventoryChanges(state, delta);
    }
    expect(hashInventory(state)).toBe(latest.hash);
  });

  it('replays deltas from what the collector acknowledged when the spool starts with a delta', () => {
    const spool = new ReportSpool(dir);
    const chain = steps(61);
    const latest = spoolChain(spool, chain);
    const [full] = spool.pending();
    spool.remove(full!.name);
    const acked: InventorySnapshot = { hash: hashInventory(chain[0]!), content: chain[0]!, collectedAt: new Date().toISOString() };
    const bound = spool.totalBytes() - 1;

    const outcome = boundSpool(spool, bound, { acked, latest }, AGENT);

    expect(outcome.replayed).toBe(true);
    expect(outcome.folded).toBeLessThan(60);
    const folded = JSON.parse(spool.read(spool.pending()[0]!.name)) as InventoryReport;
    expect(hashInventory(folded)).toBe(hashInventory(chain[outcome.folded]!));
  });

  it('replaces everything with the latest inventory when the deltas cannot be replayed', () => {
    const spool = new ReportSpool(dir);
    const chain = steps(30);
    const latest = spoolChain(spool, chain);
    spool.remove(spool.pending()[0]!.name);

    const outcome = boundSpool(spool, 5_000, { latest }, AGENT);

    expect(outcome.replayed).toBe(false);
    const left = spool.pending();
    expect(left).toHaveLength(1);
    expect(hashInventory(JSON.parse(spool.read(left[0]!.name)) as InventoryReport)).toBe(latest.hash);
  });
});
