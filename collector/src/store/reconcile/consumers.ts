import type { ConsumerBucket } from '../../reconcile/licence/terms.js';
import type { Queryable } from '../database.js';
import { DEVICE_CONTEXT_COLUMNS, DEVICE_CONTEXT_JOINS } from './device-context.js';
import { tempTable } from './temp-table.js';

/** The devices with any of the products $1 installed, each with its register context, worked out once per device. */
const DEVICES = `
  select d.id as device_id, d.last_seen, ${DEVICE_CONTEXT_COLUMNS}
    from devices d ${DEVICE_CONTEXT_JOINS}
   where d.id in (select li.device_id from licence_installs li where li.product_id = any($1::text[]))`;

/**
 * Installs of the products $1 as of $2 with the entitlement allocated to them, each with its
 * consumer: the device, or for the products in $3 the user (the register's assignee, else the
 * device's last user, else the device itself).
 */
const INSTALLS = `
  with alloc as (
    select distinct on (e.product_id, a.target_kind, lower(a.target)) e.product_id, a.target_kind, lower(a.target) as target, a.entitlement_id
      from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
     where e.product_id = any($1::text[])
     order by e.product_id, a.target_kind, lower(a.target), e.created_at, e.id
  )
  select li.product_id, li.device_id, li.release_key, lower(li.edition) as edition, li.first_seen,
         c.last_seen, c.user_key, c.department, c.cores, c.sockets,
         coalesce(ad.entitlement_id, au.entitlement_id, ag.entitlement_id) as hint,
         case when li.product_id = any($3::text[]) then coalesce(c.user_key, 'device:' || li.device_id) else li.device_id::text end as consumer,
         case when not (li.product_id = any($3::text[])) then concat_ws('|', coalesce(li.release_key, '-'), coalesce(lower(li.edition), '-'),
              c.cores, c.sockets, coalesce(coalesce(ad.entitlement_id, au.entitlement_id, ag.entitlement_id)::text, '-')) end as bucket
    from licence_installs li join licence_devices c on c.device_id = li.device_id
    left join alloc ad on ad.product_id = li.product_id and ad.target_kind = 'device' and ad.target = li.device_id::text
    left join alloc au on au.product_id = li.product_id and au.target_kind = 'user' and au.target = c.user_key
    left join alloc ag on ag.product_id = li.product_id and ag.target_kind = 'department' and ag.target = lower(c.department)
   where li.product_id = any($1::text[]) and li.first_seen <= $2`;

/**
 * Users of the products counted by user ($1), one row each, with the bucket key that makes them
 * interchangeable: the highest release any of their devices has, and the allocation that applies.
 */
const USERS = `
  select c.product_id, c.consumer, c.first_seen, c.hint, nullif(split_part(c.best, chr(1), 1), '') as release_key,
         nullif(split_part(c.best, chr(1), 2), '') as edition,
         concat_ws('|', coalesce(nullif(split_part(c.best, chr(1), 1), ''), '-'), coalesce(nullif(split_part(c.best, chr(1), 2), ''), '-'),
                   0, 0, coalesce(c.hint::text, '-')) as bucket
    from (
      -- Plain max/min aggregates (no ordered ones) so the users are grouped by hashing, not sorting:
      -- the edition kept is the one installed with the highest release.
      select i.product_id, i.consumer, min(i.first_seen) as first_seen, min(i.hint::text)::uuid as hint,
             max(coalesce(i.release_key, '') || chr(1) || coalesce(i.edition, '')) as best
        from licence_inst i where i.product_id = any($1::text[]) group by i.product_id, i.consumer
    ) c`;

/**
 * Materialises the devices, installs and user consumers of the products as of a date for the
 * queries that follow (licence_devices, licence_inst, licence_users); call inside a transaction.
 * A device-counted install is its own consumer, with its bucket in licence_inst.
 */
export async function prepareConsumers(db: Queryable, productIds: string[], userProducts: string[], asOf: Date): Promise<void> {
  await tempTable(db, 'licence_devices', DEVICES, [productIds], { analyze: true });
  await tempTable(db, 'licence_inst', INSTALLS, [productIds, asOf, userProducts]);
  await tempTable(db, 'licence_users', USERS, [userProducts]);
}

export interface ConsumerCounts {
  buckets: Map<string, ConsumerBucket[]>;
  /** Devices with the product installed. */
  installs: Map<string, number>;
}

/** The consumer buckets of the prepared products, and how many devices have each installed. */
export async function consumerBuckets(db: Queryable): Promise<ConsumerCounts> {
  const { rows } = await db.query<{ product_id: string; bucket: string | null; release_key: string | null; edition: string | null; cores: number; sockets: number; hint: string | null; n: number }>(
    `select product_id, bucket, release_key, edition, cores, sockets, hint::text as hint, count(*)::int as n
       from licence_inst where bucket is not null group by product_id, bucket, release_key, edition, cores, sockets, hint
     union all
     select product_id, bucket, release_key, edition, 0, 0, hint::text, count(*)::int
       from licence_users group by product_id, bucket, release_key, edition, hint
     union all
     select product_id, null, null, null, 0, 0, null, count(*)::int from licence_inst group by product_id`,
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
 * Chooses which consumers of each bucket go without a licence, into licence_picks: the ones that
 * came last (latest first seen), so a new install never takes the licence of one that was there
 * before. A user left without a licence makes each of their installs unlicensed. Returns how many
 * installs each product has unlicensed.
 */
export async function pickUnlicensed(db: Queryable, uncovered: UncoveredBucket[]): Promise<Map<string, number>> {
  // Only the consumers of buckets left short are ranked; the plan is kept to hash joins, since the
  // estimates of these intermediate tables otherwise lead it to sort the whole estate.
  await db.query('set local enable_mergejoin = off');
  await tempTable(db, 'licence_picks',
    `with wanted as (
       select * from json_to_recordset($1::json) as w(product_id text, bucket text, n integer, units numeric)
     ), ranked as (
       select b.product_id, b.consumer, b.device_id, w.units, w.n,
              row_number() over (partition by b.product_id, b.bucket order by b.first_seen desc, b.consumer desc) as rn
         from (select product_id, bucket, consumer, first_seen, device_id from licence_inst where bucket is not null
               union all select product_id, bucket, consumer, first_seen, null from licence_users) b
         join wanted w on w.product_id = b.product_id and w.bucket = b.bucket
     ), picked as (select * from ranked where rn <= n)
     select p.product_id, p.device_id, p.units from picked p where p.device_id is not null
     union all
     select i.product_id, i.device_id, p.units
       from picked p join licence_inst i on i.product_id = p.product_id and i.consumer = p.consumer
      where p.device_id is null`,
    [JSON.stringify(uncovered.map((u) => ({ product_id: u.productId, bucket: u.bucket, n: u.count, units: u.units })))],
    { analyze: uncovered.length > 0 },
  );
  await db.query('set local enable_mergejoin = on');
  const { rows } = await db.query<{ product_id: string; n: number }>('select product_id, count(*)::int as n from licence_picks group by product_id');
  return new Map(rows.map((r) => [r.product_id, r.n]));
}

/** The picks of the last pickUnlicensed, for a report that shows them without storing them. */
export async function readPicks(db: Queryable): Promise<UnlicensedPick[]> {
  const { rows } = await db.query<{ product_id: string; device_id: string; units: string }>(
    'select product_id, device_id, units::text from licence_picks order by product_id, device_id');
  return rows.map((r) => ({ productId: r.product_id, deviceId: r.device_id, units: Number(r.units) }));
}

/**
 * Allocations of the prepared products' entitlements whose target has not had the product on a
 * device seen within the last `days` days before the date: licences paid for and not used.
 */
export async function shelfwareCounts(db: Queryable, productIds: string[], asOf: Date, days: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ product_id: string; n: number }>(
    `select e.product_id, count(*)::int as n
       from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
      where e.product_id = any($1::text[])
        and not exists (
          select 1 from licence_inst i
           where i.product_id = e.product_id and i.last_seen > $2::timestamptz - make_interval(days => $3)
             and ((a.target_kind = 'device' and i.device_id::text = lower(a.target))
               or (a.target_kind = 'user' and i.user_key = lower(a.target))
               or (a.target_kind = 'department' and lower(i.department) = lower(a.target))))
      group by e.product_id`,
    [productIds, asOf, days],
  );
  return new Map(rows.map((r) => [r.product_id, r.n]));
}
