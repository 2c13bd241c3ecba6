import type { LicenceTrendPoint } from '@steward/shared';
import type { Queryable } from '../database.js';

/**
 * Where the positions over time are read from: every recomputation, or each product's last
 * position of every day (a continuous aggregate on TimescaleDB, a view elsewhere; see migration 22).
 */
const SOURCES = {
  moment: 'select time, product_id, consumed, shortfall, shortfall_cost, installs, unlicensed from licence_position_history',
  day: 'select day as time, product_id, consumed, shortfall, shortfall_cost, installs, unlicensed from licence_position_daily',
} as const;

export type TrendGranularity = keyof typeof SOURCES;

interface TrendRow {
  time: Date;
  consumed: string;
  shortfall: string;
  shortfall_cost: string;
  installs: string;
  unlicensed: string;
  products_short: string;
  unpriced_products: string;
  unpriced_installs: string;
}

/**
 * The estate's whole licence position at each moment a position was recorded. A recomputation
 * records only the products it computed (and only those whose figures moved), so each product's
 * last known position is carried forward: every history row is turned into the change it makes to
 * its product's previous row, and the estate's figures are the running sum of those changes.
 * The moment in force at `from` comes first, so the series starts with the whole position then.
 */
export async function licenceTrend(db: Queryable, q: { from: Date; to: Date; granularity: TrendGranularity }): Promise<LicenceTrendPoint[]> {
  const { rows } = await db.query<TrendRow>(
    `with source as (${SOURCES[q.granularity]}),
     -- Each product's position in force at the start, then every position recorded since.
     kept as (
       select * from (select distinct on (product_id) * from source where time <= $1 order by product_id, time desc) earlier
       union all
       select * from source where time > $1 and time <= $2
     ), history as (
       select time, product_id, consumed, shortfall, coalesce(shortfall_cost, 0) as cost, installs, unlicensed,
              (shortfall > 0)::int as short,
              (shortfall > 0 and shortfall_cost is null)::int as unpriced,
              case when shortfall > 0 and shortfall_cost is null then unlicensed else 0 end as unpriced_installs
         from kept
     ), changes as (
       select time,
              consumed - coalesce(lag(consumed) over w, 0) as consumed,
              shortfall - coalesce(lag(shortfall) over w, 0) as shortfall,
              cost - coalesce(lag(cost) over w, 0) as cost,
              installs - coalesce(lag(installs) over w, 0) as installs,
              unlicensed - coalesce(lag(unlicensed) over w, 0) as unlicensed,
              short - coalesce(lag(short) over w, 0) as short,
              unpriced - coalesce(lag(unpriced) over w, 0) as unpriced,
              unpriced_installs - coalesce(lag(unpriced_installs) over w, 0) as unpriced_installs
         from history
       window w as (partition by product_id order by time)
     ), estate as (
       select time, sum(sum(consumed)) over t as consumed, sum(sum(shortfall)) over t as shortfall,
              sum(sum(cost)) over t as shortfall_cost, sum(sum(installs)) over t as installs,
              sum(sum(unlicensed)) over t as unlicensed, sum(sum(short)) over t as products_short,
              sum(sum(unpriced)) over t as unpriced_products, sum(sum(unpriced_installs)) over t as unpriced_installs
         from changes group by time
       window t as (order by time)
     )
     select time, consumed::text, shortfall::text, shortfall_cost::text, installs::text, unlicensed::text, products_short::text,
            unpriced_products::text, unpriced_installs::text
       from estate
      where time >= coalesce((select max(time) from estate where time <= $1), $1)
      order by time`,
    [q.from, q.to],
  );
  return rows.map((r) => ({
    // The position in force at `from` is shown at `from`.
    time: new Date(Math.max(new Date(r.time).getTime(), q.from.getTime())).toISOString(),
    consumed: Number(r.consumed),
    shortfall: Number(r.shortfall),
    shortfallCost: Math.round(Number(r.shortfall_cost) * 100) / 100,
    installs: Number(r.installs),
    unlicensed: Number(r.unlicensed),
    productsShort: Number(r.products_short),
    unpricedProducts: Number(r.unpriced_products),
    unpricedInstalls: Number(r.unpriced_installs),
  }));
}
