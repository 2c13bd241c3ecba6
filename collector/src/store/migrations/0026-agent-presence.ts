/**
 * Presence instead of a row per heartbeat. The agent row holds the current stretch online
 * (`online_since` .. `last_seen_at`) and until when it counts as online (`online_until`, set from the
 * heartbeat interval the collector gave); history is one row per stretch online, written only when an
 * agent comes back after being offline. Existing heartbeats become such stretches (a gap of over three
 * minutes, the old online window, splits them) and the per-beat table goes.
 * With TimescaleDB the history is a hypertable, compressed after a month and kept for 400 days.
 */
export const sql = /* sql */ `
alter table agents add column online_since timestamptz;
alter table agents add column online_until timestamptz;
alter table agents add column uptime_seconds double precision;

create table agent_presence (
  agent_id uuid not null,
  started_at timestamptz not null,
  ended_at timestamptz not null
);
create index agent_presence_agent on agent_presence (agent_id, started_at desc);

insert into agent_presence (agent_id, started_at, ended_at)
select agent_id, min(time), max(time)
  from (select agent_id, time,
               count(*) filter (where gap) over (partition by agent_id order by time) as stretch
          from (select agent_id, time,
                       coalesce(time - lag(time) over (partition by agent_id order by time) > interval '3 minutes', true) as gap
                  from agent_heartbeats) beats) numbered
 group by agent_id, stretch;

update agents a set online_since = p.started_at
  from (select distinct on (agent_id) agent_id, started_at, ended_at from agent_presence order by agent_id, started_at desc) p
 where p.agent_id = a.id and a.last_seen_at is not null and p.ended_at >= a.last_seen_at - interval '3 minutes';
delete from agent_presence p using agents a
 where p.agent_id = a.id and p.started_at = a.online_since;
update agents set online_until = last_seen_at + interval '3 minutes' where last_seen_at is not null;

drop table agent_heartbeats;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'timescaledb') then
    perform create_hypertable('agent_presence', 'started_at', chunk_time_interval => interval '30 days', if_not_exists => true, migrate_data => true);
    execute 'alter table agent_presence set (timescaledb.compress, timescaledb.compress_segmentby = ''agent_id'')';
    perform add_compression_policy('agent_presence', interval '30 days', if_not_exists => true);
    perform add_retention_policy('agent_presence', interval '400 days', if_not_exists => true);
  end if;
end
$$;
`;
