import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './state.js';

/**
 * Reports waiting for the collector, kept on disk so that a restart, a crash or a collector outage
 * loses none of them. Files are named so that their order is the order they were collected in.
 */
export class ReportSpool {
  private readonly dir: string;
  private readonly rejectedDir: string;
  private sequence = 0;

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, 'spool');
    this.rejectedDir = path.join(stateDir, 'rejected');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  add(reportId: string, body: string): string {
    const name = `${Date.now().toString().padStart(15, '0')}-${String(this.sequence++).padStart(6, '0')}-${reportId}.json`;
    writeFileAtomic(path.join(this.dir, name), body);
    return name;
  }

  /** Waiting reports, oldest first. */
  pending(): string[] {
    return readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort();
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
