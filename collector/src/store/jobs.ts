import type { Queryable } from './database.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  requestedBy: string | null;
  result: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const COLUMNS = `id::text, kind, state, requested_by as "requestedBy", result, error,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "finishedAt"`;

export async function createJob(db: Queryable, id: string, kind: string, requestedBy: string): Promise<void> {
  await db.query('insert into jobs (id, kind, requested_by) values ($1, $2, $3)', [id, kind, requestedBy]);
}

export async function readJob(db: Queryable, id: string, kind: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`select ${COLUMNS} from jobs where id = $1 and kind = $2`, [id, kind]);
  return rows[0];
}

/**
 * Takes the oldest queued job of a kind and marks it running; a row another collector is taking
 * at the same moment is skipped, so each job runs once.
 */
export async function claimJob(db: Queryable, kind: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `update jobs set state = 'running', started_at = now() where id = (
       select id from jobs where kind = $1 and state = 'queued' order by created_at limit 1 for update skip locked)
     returning id::text`,
    [kind],
  );
  return rows[0]?.id;
}

export async function finishJob(db: Queryable, id: string, state: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: string }): Promise<void> {
  await db.query(
    `update jobs set state = $2, result = $3::jsonb, error = $4, finished_at = now() where id = $1 and state = 'running'`,
    [id, state, outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.error ?? null],
  );
}
