/**
 * Long operations asked for over the API (a full reconciliation on demand) run as jobs: the
 * request answers at once with the job's id, and any collector on the database answers the poll.
 * A queued job is claimed by whichever collector locks its row first (FOR UPDATE SKIP LOCKED).
 */
export const sql = /* sql */ `
create table jobs (
  id uuid primary key,
  kind text not null,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
  requested_by text,
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index jobs_waiting on jobs (kind, created_at) where state = 'queued';
`;
