import type { ConsumerBucket } from '../../reconcile/licence/terms.js';
import type { Queryable } from '../database.js';
import { DEVICE_CONTEXT_COLUMNS, DEVICE_CONTEXT_JOINS } from './device-context.js';

/**
 * Consumers of the products $1 as of $2: devices, or for the products in $3 users (the register's
 * assignee, else the device's last user, else the device itself). Each has a bucket key that makes
 * consumers with the same release, edition, cores and allocation interchangeable.
 */
const CONSUMERS = `
  alloc as (
    select distinct on (e.product_id, a.target_kind, lower(a.target)) e.product_id, a.target_kind, lower(a.target) as target, a.entitlement_id
      from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
     where e.product_id = any($1::text[])
     order by e.product_id, a.target_kind, lower(a.target), e.created_at, e.id
  ), base as (
    select li.product_id, li.device_id, li.release_key, lower(li.edition) as edition, li.first_seen, d.last_seen, ${DEVICE_CONTEXT_COLUMNS}
      from licence_installs li join devices d on d.id = li.device_id ${DEVICE_CONTEXT_JOINS}
     where li.product_id = any($1::text[]) and li.first_seen <= $2
  ), inst as (
    select b.*, coalesce(ad.entitlement_id, au.entitlement_id, ag.entitlement_id) as hint,
           case when b.product_id = any($3::text[]) then coalesce(b.user_key, 'device:' || b.device_id) else b.device_id::text end as consumer
      from base b
      left join alloc ad on ad.product_id = b.product_id and ad.target_kind = 'device' and ad.target = b.device_id::text
      left join alloc au on au.product_id = b.product_id and au.target_kind = 'user' and au.target = b.user_key
      left join alloc ag on ag.product_id = b.product_id and ag.target_kind = 'department' and ag.target = lower(b.department)
  ), consumers as (
    select i.product_id, i.consumer, i.release_key, i.edition, i.cores, i.sockets, i.hint, i.first_seen
      from inst i where not (i.product_id = any($3::text[]))
    union all
    select i.product_id, i.consumer, max(i.release_key),
           (array_agg(i.edition order by i.release_key desc nulls last, i.device_id))[1], 0, 0,
           (array_agg(i.hint order by i.hint::text nulls last))[1], min(i.first_seen)
      from inst i where i.product_id = any($3::text[]) group by i.product_id, i.consumer
  ), bucketed as (
    select c.*, concat_ws('|', coalesce(c.release_key, '-'), coalesce(c.edition, '-'), c.cores, c.sockets, coalesce(c.hint::text, '-')) as bucket
      from consumers c
  )`;

export interface ConsumerCounts {
  buckets: Map<string, ConsumerBucket[]>;
  /** Devices with the product installed. */
  installs: Map<string, number>;
}

export async function consumerBuckets(db: Queryable, productIds: string[], userProducts: string[], asOf: Date): Promise<ConsumerCounts> {
  const { rows } = await db.query<{ product_id: string; bucket: string | null; release_key: string | null; edition: string | null; cores: number; sockets: number; hint: string | null; n: number }>(
    `with ${CONSUMERS}
     select product_id, bucket, release_key, edition, cores, sockets, hint::text as hint, count(*)::int as n
       from bucketed group by product_id, bucket, release_key, edition, cores, sockets, hint
     union all
     select product_id, null, null, null, 0, 0, null, count(*)::int from inst group by product_id`,
    [productIds, asOf, userProducts],
  );
  const buckets = new Map<string, ConsumerBucket[]>();
  const installs = new Map<string, number>();
  for (const r of rows) {
    if (r.bucket === null) {
      installs.set(r.product_id, r.n);
      continue;
    }
    const list = buckets.get(r.product_id) ?? [];
    list.push({ key: r.bucket, releaseKey: r.release_key, edition: r.edition, cores: r.cores, sockets: r.sockets, hint: r.hint, count: r.n });
    buckets.set(r.product_id, list);
  }
  return { buckets, installs };
}

export interface UncoveredBucket {
  productId: string;
  bucket: string;
  count: number;
  units: number;
}

export interface UnlicensedPick {
  productId: string;
  deviceId: string;
  units: number;
}

/**
 * Which consumers of a bucket go without a licence: the ones that came last (latest first seen),
 * so a new install never takes the licence of one that was there before. A user left without a
 * licence makes each of their installs unlicensed.
 */
export async function pickUnlicensed(db: Queryable, productIds: string[], userProducts: string[], asOf: Date, uncovered: UncoveredBucket[]): Promise<UnlicensedPick[]> {
  if (uncovered.length === 0) return [];
  const { rows } = await db.query<{ product_id: string; device_id: string; units: string }>(
    `with ${CONSUMERS}, wanted as (
       select * from json_to_recordset($4::json) as w(product_id text, bucket text, n integer, units numeric)
     ), ranked as (
       select b.product_id, b.consumer, w.units, w.n,
              row_number() over (partition by b.product_id, b.bucket order by b.first_seen desc, b.consumer desc) as rn
         from bucketed b join wanted w on w.product_id = b.product_id and w.bucket = b.bucket
     )
     select i.product_id, i.device_id, r.units::text
       from ranked r join inst i on i.product_id = r.product_id and i.consumer = r.consumer
      where r.rn <= r.n`,
    [productIds, asOf, userProducts, JSON.stringify(uncovered.map((u) => ({ product_id: u.productId, bucket: u.bucket, n: u.count, units: u.units })))],
  );
  return rows.map((r) => ({ productId: r.product_id, deviceId: r.device_id, units: Number(r.units) }));
}

/**
 * Allocations of the products' entitlements whose target has not had the product on a device seen
 * within the last `days` days before $2: licences paid for and not used.
 */
export async function shelfwareCounts(db: Queryable, productIds: string[], asOf: Date, days: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ product_id: string; n: number }>(
    `with ${CONSUMERS}
     select e.product_id, count(*)::int as n
       from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
      where e.product_id = any($1::text[])
        and not exists (
          select 1 from inst i
           where i.product_id = e.product_id and i.last_seen > $2::timestamptz - make_interval(days => $4)
             and ((a.target_kind = 'device' and i.device_id::text = lower(a.target))
               or (a.target_kind = 'user' and i.user_key = lower(a.target))
               or (a.target_kind = 'department' and lower(i.department) = lower(a.target))))
      group by e.product_id`,
    [productIds, asOf, [], days],
  );
  return new Map(rows.map((r) => [r.product_id, r.n]));
}
