import type { SshScanView } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface NewSshScan { id: string; include: string[]; exclude: string[]; ports: number[]; startedBy: string; runBy: string; total: number }

export async function insertSshScan(db: Queryable, s: NewSshScan): Promise<void> {
  await db.query(
    `insert into ssh_scans (id, status, include, exclude, ports, started_by, run_by, total) values ($1, 'running', $2, $3, $4, $5, $6, $7)`,
    [s.id, s.include, s.exclude, s.ports, s.startedBy, s.runBy, s.total],
  );
}

export interface SshScanProgress { done: number; scanned: number; errors: SshScanView['errors'] }

/** Errors kept with a scan: enough to act on, bounded so a scan of a large range stays small. */
const MAX_KEPT_ERRORS = 500;

export async function updateSshScan(db: Queryable, id: string, p: SshScanProgress, status?: 'finished' | 'failed' | 'interrupted'): Promise<void> {
  await db.query(
    `update ssh_scans set done = $2, scanned = $3, errors = $4,
            status = coalesce($5, status), finished_at = case when $5::text is null then finished_at else now() end
      where id = $1 and status = 'running'`,
    [id, p.done, p.scanned, JSON.stringify(p.errors.slice(0, MAX_KEPT_ERRORS)), status ?? null],
  );
}

interface ScanRow {
  id: string; status: SshScanView['status']; include: string[]; ports: number[]; started_by: string;
  started_at: Date; finished_at: Date | null; total: number; done: number; scanned: number; errors: SshScanView['errors'];
}

export async function getSshScan(db: Queryable, id: string): Promise<SshScanView | undefined> {
  const { rows } = await db.query<ScanRow>(
    'select id, status, include, ports, started_by, started_at, finished_at, total, done, scanned, errors from ssh_scans where id = $1', [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id, status: r.status, include: r.include, ports: r.ports.map(Number), startedBy: r.started_by, startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null, total: r.total, done: r.done, scanned: r.scanned, errors: r.errors,
  };
}
