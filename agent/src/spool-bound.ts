import type { InventoryContent, InventoryDelta, InventoryReport } from '@steward/shared/protocol';
import { hashInventory } from './content-hash.js';
import { applyInventoryChanges } from './inventory-delta.js';
import type { InventorySnapshot } from './inventory-snapshots.js';
import { fullReport } from './report.js';
import type { ReportSpool, SpoolItem } from './spool.js';

type Spooled = InventoryReport | InventoryDelta;

const contentOf = (report: InventoryReport): InventoryContent => ({
  identity: report.identity, hardware: report.hardware, os: report.os, software: report.software,
});

/**
 * How many of the oldest reports to fold so the spool fits: the fewest whose replacement (one full
 * report of about `fullBytes`) plus the newer reports stays within the bound; all when none does.
 */
export function reportsToFold(items: readonly SpoolItem[], maxBytes: number, fullBytes: number): number {
  let tail = items.reduce((sum, item) => sum + item.bytes, 0);
  if (tail <= maxBytes) return 0;
  for (let k = 1; k <= items.length; k++) {
    tail -= items[k - 1]!.bytes;
    if (k >= 2 && fullBytes + tail <= maxBytes) return k;
  }
  return items.length;
}

/**
 * The inventory the first `count` spooled reports lead to, replayed from what the collector last
 * acknowledged; undefined when the chain cannot be followed (a delta whose base is unknown).
 */
function replay(spool: ReportSpool, items: readonly SpoolItem[], acked: InventorySnapshot | undefined): InventorySnapshot | undefined {
  let state: InventorySnapshot | undefined = acked;
  for (const item of items) {
    const report = JSON.parse(spool.read(item.name)) as Spooled;
    if (report.kind === 'full') {
      const content = contentOf(report);
      state = { hash: hashInventory(content), content, collectedAt: report.collectedAt };
    } else if (state && state.hash === report.baseHash) {
      state = { hash: report.hash, content: applyInventoryChanges(state.content, report), collectedAt: report.collectedAt };
    } else {
      return undefined;
    }
  }
  return state;
}

export interface FoldOutcome {
  /** How many spooled reports the full report replaced. */
  folded: number;
  /** False when the deltas could not be replayed and everything was replaced by the latest inventory. */
  replayed: boolean;
}

/**
 * Keeps the spool within its bound without losing anything: when it grows past the bound, its
 * oldest reports are folded into one full report of the inventory they lead to, placed where they
 * were. The collector then stores the net effect of the folded changes at once.
 */
export function boundSpool(
  spool: ReportSpool, maxBytes: number, snapshots: { acked?: InventorySnapshot; latest?: InventorySnapshot }, agentId: string,
): FoldOutcome {
  const items = spool.pending();
  const total = items.reduce((sum, item) => sum + item.bytes, 0);
  if (total <= maxBytes || items.length < 2 || !snapshots.latest) return { folded: 0, replayed: true };
  const fullBytes = Buffer.byteLength(JSON.stringify(fullReport(agentId, snapshots.latest.content)));
  const count = reportsToFold(items, maxBytes, fullBytes);
  if (count === 0) return { folded: 0, replayed: true };
  const folding = items.slice(0, count);
  const state = replay(spool, folding, snapshots.acked);
  const replayed = state !== undefined;
  // Without a chain to follow, the newest inventory stands for all of the spool.
  const replacing = replayed ? folding : items;
  const target = state ?? snapshots.latest;
  const report = fullReport(agentId, target.content, target.collectedAt);
  spool.write(replacing.at(-1)!.position, 'full', report.reportId, JSON.stringify(report));
  for (const item of replacing) spool.remove(item.name);
  return { folded: replacing.length, replayed };
}
