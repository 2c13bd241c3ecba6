/**
 * With TimescaleDB available, the time series become hypertables with retention and compression;
 * on plain PostgreSQL and the embedded database they stay plain tables, pruned by the collector.
 * Trigram search is added where pg_trgm can be created.
 */
export const sql = /* sql */ `
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'timescaledb')
     and not exists (select 1 from pg_extension where extname = 'timescaledb') then
    begin
      create extension timescaledb;
    exception when others then
      raise notice 'timescaledb is installed but cannot be loaded here: %', sqlerrm;
    end;
  end if;
  if exists (select 1 from pg_extension where extname = 'timescaledb') then
    perform create_hypertable('agent_heartbeats', 'time', chunk_time_interval => interval '1 day', if_not_exists => true);
    perform create_hypertable('software_changes', 'time', chunk_time_interval => interval '30 days', if_not_exists => true);
    execute 'alter table agent_heartbeats set (timescaledb.compress, timescaledb.compress_segmentby = ''agent_id'')';
    perform add_compression_policy('agent_heartbeats', interval '7 days', if_not_exists => true);
    perform add_retention_policy('agent_heartbeats', interval '90 days', if_not_exists => true);
  end if;
end
$$;

do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then
    raise notice 'pg_trgm unavailable, search falls back to scans: %', sqlerrm;
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index devices_search_trgm on devices using gin ((lower(hostname || '' '' || coalesce(fqdn, '''') || '' '' || coalesce(serial_number, '''') || '' '' || coalesce(model, '''') || '' '' || coalesce(os_name, ''''))) gin_trgm_ops)';
  end if;
end
$$;
`;
