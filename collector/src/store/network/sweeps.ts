import type { SnmpSweepOutcome, SweepView } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface NewSweep {
  id: string;
  include: string[];
  exclude: string[];
  port: number;
  credentialIds: string[];
  startedBy: string;
  runBy: string;
  total: number;
}

export async function insertSweep(db: Queryable, s: NewSweep): Promise<void> {
  await db.query(
    `insert into snmp_sweeps (id, status, include, exclude, port, credential_ids, started_by, run_by, total)
     values ($1, 'running', $2, $3, $4, $5, $6, $7, $8)`,
    [s.id, s.include, s.exclude, s.port, s.credentialIds, s.startedBy, s.runBy, s.total],
  );
}

export interface SweepProgress {
  done: number;
  identified: number;
  noResponse: number;
  errors: number;
  devicesCreated: number;
  devicesUpdated: number;
}

/**
 * Progress so far; also proves the running collector is alive (heartbeat_at). False when the sweep
 * is no longer running (it was cancelled), so the collector running it stops.
 */
export async function updateSweepProgress(db: Queryable, id: string, p: SweepProgress): Promise<boolean> {
  const { rowCount } = await db.query(
    `update snmp_sweeps set done = $2, identified = $3, no_response = $4, errors = $5, devices_created = $6, devices_updated = $7,
            heartbeat_at = now()
      where id = $1 and status = 'running'`,
    [id, p.done, p.identified, p.noResponse, p.errors, p.devicesCreated, p.devicesUpdated],
  );
  return rowCount === 1;
}

/** Ends a running sweep; false when it had already ended. */
export async function finishSweep(db: Queryable, id: string, status: 'finished' | 'failed' | 'cancelled' | 'interrupted', error: string | null): Promise<boolean> {
  const { rowCount } = await db.query(
    `update snmp_sweeps set status = $2, error = $3, finished_at = now(), heartbeat_at = now() where id = $1 and status = 'running'`,
    [id, status, error],
  );
  return rowCount === 1;
}

export async function insertSweepResult(db: Queryable, sweepId: string, position: number, outcome: SnmpSweepOutcome, deviceId: string | null): Promise<void> {
  await db.query(
    'insert into snmp_sweep_results (sweep_id, position, outcome, device_id) values ($1, $2, $3, $4) on conflict do nothing',
    [sweepId, position, JSON.stringify(outcome), deviceId],
  );
}

/**
 * Sweeps still marked running whose collector stopped beating: it died mid-sweep. They are
 * marked interrupted so nobody waits on them.
 */
export async function interruptAbandonedSweeps(db: Queryable, silentSeconds: number): Promise<number> {
  const { rowCount } = await db.query(
    `update snmp_sweeps set status = 'interrupted', finished_at = now(), error = 'the collector running this sweep stopped'
      where status = 'running' and heartbeat_at < now() - make_interval(secs => $1)`,
    [silentSeconds],
  );
  return rowCount;
}

interface SweepRow {
  id: string;
  status: SweepView['status'];
  include: string[];
  exclude: string[];
  port: number;
  credential_ids: string[];
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  total: number;
  done: number;
  identified: number;
  no_response: number;
  errors: number;
  devices_created: number;
  devices_updated: number;
  error: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(row: SweepRow, results: SweepView['results']): SweepView {
  return {
    id: row.id, status: row.status, include: row.include, exclude: row.exclude, port: row.port, credentialIds: row.credential_ids,
    startedBy: row.started_by, startedAt: iso(row.started_at)!, finishedAt: iso(row.finished_at),
    total: row.total, done: row.done, identified: row.identified, noResponse: row.no_response, errors: row.errors,
    devicesCreated: row.devices_created, devicesUpdated: row.devices_updated, error: row.error, results,
  };
}

/** A sweep whose collector has not written for this long died with it (see interruptAbandonedSweeps). */
export const SWEEP_SILENCE_SECONDS = 60;

// A running sweep nobody beats for any more is answered as interrupted even before a collector marks it so.
const SWEEP_COLUMNS = `id, case when status = 'running' and heartbeat_at < now() - make_interval(secs => ${SWEEP_SILENCE_SECONDS})
  then 'interrupted' else status end as status, include, exclude, port, credential_ids::text[] as credential_ids, started_by, started_at,
  finished_at, total, done, identified, no_response, errors, devices_created, devices_updated, error`;

export async function getSweep(db: Queryable, id: string): Promise<SweepView | undefined> {
  const { rows } = await db.query<SweepRow>(`select ${SWEEP_COLUMNS} from snmp_sweeps where id = $1`, [id]);
  if (!rows[0]) return undefined;
  const results = await db.query<{ outcome: SnmpSweepOutcome; device_id: string | null }>(
    'select outcome, device_id from snmp_sweep_results where sweep_id = $1 order by position',
    [id],
  );
  return toView(rows[0], results.rows.map((r) => ({ ...r.outcome, ...(r.device_id ? { deviceId: r.device_id } : {}) })));
}

/** The latest sweeps, without their results. */
export async function listSweeps(db: Queryable, limit: number): Promise<SweepView[]> {
  const { rows } = await db.query<SweepRow>(`select ${SWEEP_COLUMNS} from snmp_sweeps order by started_at desc limit $1`, [limit]);
  return rows.map((r) => toView(r, []));
}
