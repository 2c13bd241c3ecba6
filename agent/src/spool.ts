import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './state.js';

/** full: a whole inventory; delta: changes against the previous report; still: a delta that changes nothing but volatile fields. */
export type SpoolKind = 'full' | 'delta' | 'still';

export interface SpoolItem {
  name: string;
  kind: SpoolKind;
  /** Orders the spool: the order reports were collected in. */
  position: number;
  bytes: number;
}

const NAME = /^(\d+)-(?:\d+-)?(?:(full|delta|still)-)?[0-9a-f-]{36}\.json$/;
const POSITION_WIDTH = 15;

function parseName(name: string): Omit<SpoolItem, 'bytes'> | undefined {
  const match = NAME.exec(name);
  // Names without a kind come from agents that only sent full reports.
  return match ? { name, position: Number(match[1]), kind: (match[2] as SpoolKind | undefined) ?? 'full' } : undefined;
}

/**
 * Reports waiting for the collector, kept on disk so that a restart, a crash or a collector outage
 * loses none of them. A file's name carries its position in the queue and its kind; positions
 * only grow, so the queue keeps its order even when the clock moves back.
 */
export class ReportSpool {
  readonly dir: string;
  private readonly rejectedDir: string;
  private nextPosition: number;

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, 'spool');
    this.rejectedDir = path.join(stateDir, 'rejected');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.nextPosition = Math.max(0, ...this.pending().map((item) => item.position + 1));
  }

  private nameFor(position: number, kind: SpoolKind, reportId: string): string {
    return `${String(position).padStart(POSITION_WIDTH, '0')}-${kind}-${reportId}.json`;
  }

  /** Queues a report at the end. */
  add(kind: SpoolKind, reportId: string, body: string): SpoolItem {
    return this.write(this.nextPosition++, kind, reportId, body);
  }

  /**
   * Writes a report at a given position: the place of the reports it replaces. Among reports of the
   * same position a full one sorts last, so a fold interrupted before its sources were removed still
   * delivers them in an order that makes sense.
   */
  write(position: number, kind: SpoolKind, reportId: string, body: string): SpoolItem {
    const name = this.nameFor(position, kind, reportId);
    writeFileAtomic(path.join(this.dir, name), body);
    return { name, kind, position, bytes: Buffer.byteLength(body) };
  }

  /** Waiting reports, oldest first. */
  pending(): SpoolItem[] {
    const items: SpoolItem[] = [];
    for (const name of readdirSync(this.dir)) {
      const parsed = parseName(name);
      if (!parsed) continue;
      try {
        items.push({ ...parsed, bytes: statSync(path.join(this.dir, name)).size });
      } catch {
        // Removed meanwhile by a delivery: no longer pending.
      }
    }
    return items.sort((a, b) => a.position - b.position || kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name));
  }

  totalBytes(): number {
    return this.pending().reduce((sum, item) => sum + item.bytes, 0);
  }

  read(name: string): string {
    return readFileSync(path.join(this.dir, name), 'utf8');
  }

  remove(name: string): void {
    rmSync(path.join(this.dir, name), { force: true });
  }

  /** Sets aside a report the collector refused as invalid, so it neither blocks the queue nor vanishes. */
  reject(name: string): void {
    mkdirSync(this.rejectedDir, { recursive: true, mode: 0o700 });
    renameSync(path.join(this.dir, name), path.join(this.rejectedDir, name));
  }
}

const kindOrder = (kind: SpoolKind) => (kind === 'full' ? 1 : 0);
