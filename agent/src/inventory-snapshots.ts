import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { InventoryContent } from '@steward/shared/protocol';
import { writeFileAtomic } from './state.js';

/** An inventory as of one collection, with its content hash. */
export interface InventorySnapshot {
  hash: string;
  collectedAt: string;
  content: InventoryContent;
}

function readSnapshot(file: string): InventorySnapshot | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<InventorySnapshot>;
    if (typeof parsed.hash !== 'string' || typeof parsed.collectedAt !== 'string' || typeof parsed.content?.os !== 'object') return undefined;
    return parsed as InventorySnapshot;
  } catch {
    // Missing or damaged: the agent then sends a full report, which needs no snapshot.
    return undefined;
  }
}

/**
 * The two inventories deltas are made between, kept on disk so a restart neither resends everything
 * nor loses its place: `latest`, what the newest spooled report leads to (the base of the next
 * delta), and `acked`, what the collector said it holds (the base of the oldest spooled delta,
 * needed to fold spooled deltas into a full report).
 */
export class InventorySnapshots {
  private readonly dir: string;
  private readonly cache = new Map<'latest' | 'acked', InventorySnapshot | undefined>();

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, 'inventory');
  }

  private file(which: 'latest' | 'acked'): string {
    return path.join(this.dir, `${which}.json`);
  }

  private get(which: 'latest' | 'acked'): InventorySnapshot | undefined {
    if (!this.cache.has(which)) this.cache.set(which, readSnapshot(this.file(which)));
    return this.cache.get(which);
  }

  private set(which: 'latest' | 'acked', snapshot: InventorySnapshot | undefined): void {
    if (snapshot) writeFileAtomic(this.file(which), JSON.stringify(snapshot));
    else rmSync(this.file(which), { force: true });
    this.cache.set(which, snapshot);
  }

  latest(): InventorySnapshot | undefined {
    return this.get('latest');
  }

  acked(): InventorySnapshot | undefined {
    return this.get('acked');
  }

  setLatest(snapshot: InventorySnapshot | undefined): void {
    this.set('latest', snapshot);
  }

  setAcked(snapshot: InventorySnapshot | undefined): void {
    this.set('acked', snapshot);
  }
}
