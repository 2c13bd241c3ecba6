/**
 * The audit log: append-only (a trigger refuses updates and deletes) and hash-chained, so any
 * edit made behind the collector's back shows up when the chain is verified.
 */
export const sql = /* sql */ `
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor text not null,
  actor_role text,
  source_ip text,
  action text not null,
  object_type text,
  object_id text,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_object on audit_log (object_type, object_id);
create index audit_log_at on audit_log (at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
-- Lockout after repeated failed logins.
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamptz;

create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
`;
