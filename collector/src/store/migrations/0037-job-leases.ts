/**
 * A job is held by the collector running it for as long as that collector renews its lease: one
 * killed mid-job stops renewing, and any collector's scheduler takes the job back once the lease
 * lapses (queued again once, then failed with the reason). Jobs that make a file (label sheets)
 * keep what they were asked for and what they made, so any collector can run them and serve the
 * file.
 */
export const sql = /* sql */ `
alter table jobs add column claimed_by text;
alter table jobs add column lease_expires_at timestamptz;
alter table jobs add column attempts integer not null default 0;
alter table jobs add column input jsonb;
alter table jobs add column output bytea;
alter table jobs add column output_type text;
-- Running when this arrived: held by a collector of a version without leases. It gets a lease long
-- enough for a run under way to end there; if its collector is gone, the job is taken back after.
update jobs set lease_expires_at = now() + interval '30 minutes', attempts = 1 where state = 'running';
create index jobs_leased on jobs (lease_expires_at) where state = 'running';
`;
