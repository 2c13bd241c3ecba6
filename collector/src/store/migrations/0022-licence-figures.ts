/**
 * The licence trend reads each product's last position of every day from licence_position_daily.
 * With TimescaleDB it is a continuous aggregate over the history hypertable (created without data,
 * which is allowed inside the migrations' transaction; real-time, so days not yet materialised are
 * read from the history); elsewhere a plain view with the same columns, so one query serves both.
 *
 * A product's price for the shortfall may be the organisation's own, which comes before the
 * catalogue's list price (an entitlement's unit cost still comes first).
 */
export const sql = /* sql */ `
do $$
declare
  hypertable boolean := false;
begin
  -- Asked only where the extension is, so its catalogue views are not named where they do not exist.
  if exists (select 1 from pg_extension where extname = 'timescaledb') then
    hypertable := exists (select 1 from timescaledb_information.hypertables where hypertable_name = 'licence_position_history');
  end if;
  if hypertable then
    execute $view$
      create materialized view licence_position_daily
        with (timescaledb.continuous, timescaledb.materialized_only = false) as
      select time_bucket(interval '1 day', time) as day, product_id,
             last(consumed, time) as consumed, last(shortfall, time) as shortfall, last(shortfall_cost, time) as shortfall_cost,
             last(installs, time) as installs, last(unlicensed, time) as unlicensed
        from licence_position_history
       group by time_bucket(interval '1 day', time), product_id
      with no data
    $view$;
    perform add_continuous_aggregate_policy('licence_position_daily', start_offset => null,
      end_offset => interval '1 hour', schedule_interval => interval '1 hour', if_not_exists => true);
  else
    execute $view$
      create view licence_position_daily as
      select distinct on (product_id, date_trunc('day', time, 'UTC'))
             date_trunc('day', time, 'UTC') as day, product_id, consumed, shortfall, shortfall_cost, installs, unlicensed
        from licence_position_history
       order by product_id, date_trunc('day', time, 'UTC'), time desc
    $view$;
  end if;
end
$$;

alter table catalogue_products add column organisation_price numeric(14, 2);
alter table catalogue_products add column organisation_currency text;
`;
