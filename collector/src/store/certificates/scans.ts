import type { CertificateScanView, TlsPort } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface NewCertificateScan {
  id: string;
  include: string[];
  exclude: string[];
  ports: TlsPort[];
  startedBy: string;
  runBy: string;
  total: number;
}

export async function insertCertificateScan(db: Queryable, s: NewCertificateScan): Promise<void> {
  await db.query(
    `insert into tls_scans (id, status, include, exclude, ports, started_by, run_by, total) values ($1, 'running', $2, $3, $4, $5, $6, $7)`,
    [s.id, s.include, s.exclude, JSON.stringify(s.ports), s.startedBy, s.runBy, s.total],
  );
}

export interface CertificateScanProgress {
  done: number;
  presented: number;
  errors: { host: string; port: number; message: string }[];
}

/** Errors kept with a scan: enough to act on, bounded so a scan of a large range stays small. */
const MAX_KEPT_ERRORS = 500;

export async function updateCertificateScan(db: Queryable, id: string, p: CertificateScanProgress, status?: 'finished' | 'failed' | 'interrupted'): Promise<void> {
  await db.query(
    `update tls_scans set done = $2, presented = $3, errors = $4,
            status = coalesce($5, status), finished_at = case when $5::text is null then finished_at else now() end
      where id = $1 and status = 'running'`,
    [id, p.done, p.presented, JSON.stringify(p.errors.slice(0, MAX_KEPT_ERRORS)), status ?? null],
  );
}

interface ScanRow {
  id: string; status: CertificateScanView['status']; include: string[]; ports: TlsPort[]; started_by: string;
  started_at: Date; finished_at: Date | null; total: number; done: number; presented: number; errors: CertificateScanView['errors'];
}

export async function getCertificateScan(db: Queryable, id: string): Promise<CertificateScanView | undefined> {
  const { rows } = await db.query<ScanRow>(
    'select id, status, include, ports, started_by, started_at, finished_at, total, done, presented, errors from tls_scans where id = $1', [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id, status: r.status, include: r.include, ports: r.ports, startedBy: r.started_by, startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null, total: r.total, done: r.done, presented: r.presented, errors: r.errors,
  };
}
