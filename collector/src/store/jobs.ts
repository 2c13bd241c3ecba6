import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Queryable } from './database.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  requestedBy: string | null;
  result: unknown;
  error: string | null;
  /** How many times a collector took the job: above one, a collector holding it stopped answering. */
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * Who holds the jobs claimed in this process, and how long a claim stands unless renewed. The
 * lease belongs to the process because only the process running a job can keep it: a collector
 * killed mid-job stops renewing, and its jobs are taken back by the others.
 */
export interface JobHolder {
  id: string;
  leaseSeconds: number;
}

export const thisProcess: JobHolder = { id: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`, leaseSeconds: 60 };

const COLUMNS = `id::text, kind, state, requested_by as "requestedBy", result, error, attempts,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "finishedAt"`;

export async function createJob(db: Queryable, id: string, kind: string, requestedBy: string, input?: unknown): Promise<void> {
  await db.query('insert into jobs (id, kind, requested_by, input) values ($1, $2, $3, $4::jsonb)',
    [id, kind, requestedBy, input === undefined ? null : JSON.stringify(input)]);
}

export async function readJob(db: Queryable, id: string, kind: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`select ${COLUMNS} from jobs where id = $1 and kind = $2`, [id, kind]);
  return rows[0];
}

/** What the job was asked to do, as given to createJob. */
export async function readJobInput<T>(db: Queryable, id: string): Promise<T | undefined> {
  const { rows } = await db.query<{ input: T | null }>('select input from jobs where id = $1', [id]);
  return rows[0]?.input ?? undefined;
}

/** The file a finished job made, with its media type. */
export async function readJobOutput(db: Queryable, id: string, kind: string): Promise<{ content: Buffer; type: string } | undefined> {
  // Base64 text, so both database drivers hand back the same thing.
  const { rows } = await db.query<{ content: string; type: string }>(
    `select encode(output, 'base64') as content, output_type as type from jobs where id = $1 and kind = $2 and state = 'done' and output is not null`,
    [id, kind],
  );
  const row = rows[0];
  return row ? { content: Buffer.from(row.content, 'base64'), type: row.type } : undefined;
}

/**
 * Takes the oldest queued job of a kind and marks it running under the holder's lease; a row
 * another collector is taking at the same moment is skipped, so each job runs once.
 */
export async function claimJob(db: Queryable, kind: string, holder: JobHolder = thisProcess): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `update jobs set state = 'running', started_at = now(), claimed_by = $2, attempts = attempts + 1,
       lease_expires_at = now() + $3 * interval '1 second'
     where id = (select id from jobs where kind = $1 and state = 'queued' order by created_at limit 1 for update skip locked)
     returning id::text`,
    [kind, holder.id, holder.leaseSeconds],
  );
  return rows[0]?.id;
}

/**
 * Ends a job its holder is running. A holder whose lease lapsed and whose job was taken back
 * changes nothing: the job is someone else's now, or already failed with the reason.
 */
export async function finishJob(
  db: Queryable, id: string, state: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: string; output?: { content: Buffer; type: string } },
  holder: JobHolder = thisProcess,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update jobs set state = $2, result = $3::jsonb, error = $4, finished_at = now(), lease_expires_at = null,
       output = decode($6, 'base64'), output_type = $7
     where id = $1 and state = 'running' and claimed_by = $5`,
    [id, state, outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.error ?? null, holder.id,
      outcome.output ? outcome.output.content.toString('base64') : null, outcome.output?.type ?? null],
  );
  return (rowCount ?? 0) > 0;
}

/** Pushes back the lease of every job the holder is running; returns how many it holds. */
export async function renewJobLeases(db: Queryable, holder: JobHolder = thisProcess): Promise<number> {
  const { rowCount } = await db.query(
    `update jobs set lease_expires_at = now() + $2 * interval '1 second' where claimed_by = $1 and state = 'running'`,
    [holder.id, holder.leaseSeconds],
  );
  return rowCount ?? 0;
}

export interface ReclaimedJob {
  id: string;
  kind: string;
  /** queued: it runs again; failed: it had its second chance. */
  state: 'queued' | 'failed';
  /** The collector that held it and stopped renewing. */
  heldBy: string | null;
  attempts: number;
}

/**
 * Takes back the running jobs whose lease lapsed: their collector stopped (killed, or cut off from
 * the database) without ending them. A job is queued again once; after that it fails with the
 * reason, so a job that kills whoever runs it does not go round for ever. The holder's own jobs
 * are left alone: they are renewed in the same breath.
 */
export async function reclaimLapsedJobs(db: Queryable, maxAttempts: number, holder: JobHolder = thisProcess): Promise<ReclaimedJob[]> {
  const { rows } = await db.query<ReclaimedJob>(
    `with lapsed as (
       select id, claimed_by from jobs
       where state = 'running' and lease_expires_at < now() and claimed_by is distinct from $1
       for update skip locked)
     update jobs j set
       state = case when j.attempts < $2 then 'queued' else 'failed' end,
       error = case when j.attempts < $2
         then 'the collector running it (' || coalesce(lapsed.claimed_by, 'unknown') || ') stopped renewing its lease; queued again'
         else 'the collector running it (' || coalesce(lapsed.claimed_by, 'unknown') || ') stopped renewing its lease, on attempt '
           || j.attempts || ' of ' || $2 || '; not run again' end,
       finished_at = case when j.attempts < $2 then null else now() end,
       started_at = case when j.attempts < $2 then null else j.started_at end,
       claimed_by = null, lease_expires_at = null
     from lapsed where j.id = lapsed.id
     returning j.id::text, j.kind, j.state, lapsed.claimed_by as "heldBy", j.attempts`,
    [holder.id, maxAttempts],
  );
  return rows;
}

/**
 * Hands a job its holder is stopping for back to the queue, for another collector (or this one
 * restarted) to run from the start; a stop is not a failed attempt.
 */
export async function releaseJob(db: Queryable, id: string, holder: JobHolder = thisProcess): Promise<boolean> {
  const { rowCount } = await db.query(
    `update jobs set state = 'queued', started_at = null, claimed_by = null, lease_expires_at = null, attempts = greatest(attempts - 1, 0)
     where id = $1 and state = 'running' and claimed_by = $2`,
    [id, holder.id],
  );
  return (rowCount ?? 0) > 0;
}
