import type { Queryable } from '../database.js';

/** Makes the job's row if it is not there yet, first due at `firstDue`. */
export async function ensureJob(db: Queryable, name: string, firstDue: Date): Promise<void> {
  await db.query('insert into job_leases (name, lease_until) values ($1, $2) on conflict (name) do nothing', [name, firstDue]);
}

/**
 * Claims a shared job: the row moves to `until` only if its lease is over, and only the collector
 * whose UPDATE moved it gets a row back. The others find it taken and skip this round.
 */
export async function claimJob(db: Queryable, name: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const { rows } = await db.query(
    `update job_leases set lease_until = $4, holder = $2, last_run_at = $3 where name = $1 and lease_until < $3 returning name`,
    [name, holder, now, until],
  );
  return rows.length > 0;
}

/** Moves a job's next turn, for instance when its schedule was changed. */
export async function rescheduleJob(db: Queryable, name: string, due: Date): Promise<void> {
  await db.query(
    'insert into job_leases (name, lease_until) values ($1, $2) on conflict (name) do update set lease_until = excluded.lease_until',
    [name, due],
  );
}

export async function readJob(db: Queryable, name: string): Promise<{ lease_until: Date; holder: string | null; last_run_at: Date | null } | undefined> {
  const { rows } = await db.query<{ lease_until: Date; holder: string | null; last_run_at: Date | null }>(
    'select lease_until, holder, last_run_at from job_leases where name = $1', [name],
  );
  return rows[0];
}
