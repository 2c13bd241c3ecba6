import type { ConsumerBucket } from '../../reconcile/licence/terms.js';
import type { Queryable } from '../database.js';
import { tempTable } from './temp-table.js';

type TargetKind = 'device' | 'user' | 'department';

/** A device id as allocations write it (any case), as a uuid; anything else names no device. */
const DEVICE_TARGET = `case when a.target_kind = 'device' and a.target ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then a.target::uuid end`;

/** How each kind of allocation target finds an install (li) on its device (c). */
const ALLOCATION_JOINS: Record<TargetKind, { alias: string; on: string }> = {
  device: { alias: 'ad', on: 'ad.device_id = li.device_id' },
  user: { alias: 'au', on: 'au.target = c.user_key' },
  department: { alias: 'ag', on: 'ag.target = lower(c.department)' },
};

/**
 * Installs of the products $1 as of $2 with the entitlement allocated to them (an allocation to the
 * device first, then to its user, then to its department); for the products in $3, counted by
 * user, the user too (the register's assignee, else the device's last user). Rows are kept narrow:
 * there is one per licensable install of the estate. Only the kinds of allocation the products
 * have are joined: each join is a lookup per install.
 */
const INSTALLS = (kinds: TargetKind[]) => {
  const joins = (['device', 'user', 'department'] as const).filter((k) => kinds.includes(k)).map((k) => ({ kind: k, ...ALLOCATION_JOINS[k] }));
  return `
  with alloc as (
    select distinct on (e.product_id, a.target_kind, lower(a.target)) e.product_id, a.target_kind, lower(a.target) as target,
           ${DEVICE_TARGET} as device_id, a.entitlement_id
      from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
     where e.product_id = any($1::text[])
     order by e.product_id, a.target_kind, lower(a.target), e.created_at, e.id
  )
  select li.product_id, li.device_id, li.release_key, lower(li.edition) as edition, li.first_seen, c.cores, c.sockets,
         ${joins.length ? `coalesce(${joins.map((j) => `${j.alias}.entitlement_id`).join(', ')})` : 'null::uuid'} as hint,
         case when li.product_id = any($3::text[]) then coalesce(c.user_key, 'device:' || li.device_id) end as consumer
    from licence_installs li join licence_device_context c on c.device_id = li.device_id
    ${joins.map((j) => `left join alloc ${j.alias} on ${j.alias}.product_id = li.product_id and ${j.alias}.target_kind = '${j.kind}' and ${j.on}`).join('\n    ')}
   where li.product_id = any($1::text[]) and li.first_seen <= $2`;
};

/** The kinds of target the products' entitlements are allocated to. */
async function allocationKinds(db: Queryable, productIds: string[]): Promise<TargetKind[]> {
  const { rows } = await db.query<{ target_kind: TargetKind }>(
    `select distinct a.target_kind from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
      where e.product_id = any($1::text[])`,
    [productIds],
  );
  return rows.map((r) => r.target_kind);
}

/** The text that names a bucket, from its fields (aliases r: release_key, edition, cores, sockets, hint). */
const BUCKET_KEY = (r: string) =>
  `concat_ws('|', coalesce(${r}.release_key, '-'), coalesce(${r}.edition, '-'), ${r}.cores, ${r}.sockets, coalesce(${r}.hint::text, '-'))`;

/**
 * Users of the products counted by user, one row each: the highest release any of their devices
 * has (with its edition), the allocation that applies, and when they first had the product.
 */
const USERS = `
  select c.product_id, c.consumer, c.first_seen, c.hint, nullif(split_part(c.best, chr(1), 1), '') as release_key,
         nullif(split_part(c.best, chr(1), 2), '') as edition, 0 as cores, 0 as sockets
    from (
      -- Plain max/min aggregates (no ordered ones) so the users are grouped by hashing, not sorting:
      -- the edition kept is the one installed with the highest release.
      select i.product_id, i.consumer, min(i.first_seen) as first_seen, min(i.hint::text)::uuid as hint,
             max(coalesce(i.release_key, '') || chr(1) || coalesce(i.edition, '')) as best
        from licence_inst i where i.consumer is not null group by i.product_id, i.consumer
    ) c`;

/**
 * Materialises the installs and user consumers of the products as of a date for the queries that
 * follow (licence_inst, licence_users); call inside a transaction. A device-counted install
 * (consumer null) is its own consumer. Who uses each device and where it belongs is read from
 * licence_device_context, kept as the register changes.
 */
export async function prepareConsumers(db: Queryable, productIds: string[], userProducts: string[], asOf: Date): Promise<void> {
  const kinds = await allocationKinds(db, productIds);
  // Statistics from a small sample: the joins that follow need sizes and rough distinct counts,
  // and sampling tens of thousands of rows took longer than the join itself.
  await db.query('set local default_statistics_target = 10');
  // Analysed: grouped and joined next, a guessed size of a million rows turns hashing into sorting.
  await tempTable(db, 'licence_inst', INSTALLS(kinds), [productIds, asOf, userProducts], { analyze: true });
  await tempTable(db, 'licence_users', USERS, [], { analyze: true });
}

export interface ConsumerCounts {
  buckets: Map<string, ConsumerBucket[]>;
  /** Devices with the product installed. */
  installs: Map<string, number>;
}

/** The consumer buckets of the prepared products, and how many devices have each installed. */
export async function consumerBuckets(db: Queryable): Promise<ConsumerCounts> {
  const { rows } = await db.query<{ product_id: string; bucket: string | null; release_key: string | null; edition: string | null; cores: number; sockets: number; hint: string | null; n: number }>(
    `select b.product_id, ${BUCKET_KEY('b')} as bucket, b.release_key, b.edition, b.cores, b.sockets, b.hint::text as hint, b.n
       from (select product_id, release_key, edition, cores, sockets, hint, count(*)::int as n
               from licence_inst where consumer is null group by product_id, release_key, edition, cores, sockets, hint
             union all
             select product_id, release_key, edition, cores, sockets, hint, count(*)::int
               from licence_users group by product_id, release_key, edition, cores, sockets, hint) b
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
  bucket: ConsumerBucket;
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
       select * from json_to_recordset($1::json)
         as w(product_id text, release_key text, edition text, cores integer, sockets integer, hint text, n integer, units numeric)
     ), members as (
       select i.product_id, i.device_id::text as consumer, i.device_id, i.first_seen, w.n, w.units, w.release_key, w.edition, w.cores, w.sockets, w.hint
         from licence_inst i join wanted w on w.product_id = i.product_id and w.release_key = coalesce(i.release_key, '-')
          and w.edition = coalesce(i.edition, '-') and w.cores = i.cores and w.sockets = i.sockets and w.hint = coalesce(i.hint::text, '-')
        where i.consumer is null
       union all
       select u.product_id, u.consumer, null, u.first_seen, w.n, w.units, w.release_key, w.edition, w.cores, w.sockets, w.hint
         from licence_users u join wanted w on w.product_id = u.product_id and w.release_key = coalesce(u.release_key, '-')
          and w.edition = coalesce(u.edition, '-') and w.cores = u.cores and w.sockets = u.sockets and w.hint = coalesce(u.hint::text, '-')
     ), ranked as (
       select m.*, row_number() over (partition by m.product_id, m.release_key, m.edition, m.cores, m.sockets, m.hint
                                      order by m.first_seen desc, m.consumer desc) as rn
         from members m
     ), picked as (select * from ranked where rn <= n)
     select p.product_id, p.device_id, p.units from picked p where p.device_id is not null
     union all
     select i.product_id, i.device_id, p.units
       from picked p join licence_inst i on i.product_id = p.product_id and i.consumer = p.consumer
      where p.device_id is null`,
    [JSON.stringify(uncovered.map((u) => ({
      product_id: u.productId, release_key: u.bucket.releaseKey ?? '-', edition: u.bucket.edition ?? '-', cores: u.bucket.cores,
      sockets: u.bucket.sockets, hint: u.bucket.hint ?? '-', n: u.count, units: u.units,
    })))],
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

/** Allocations beyond which looking each one up among the recent consumers costs more than hashing them. */
const MANY_ALLOCATIONS = 16;

/**
 * Allocations of the prepared products' entitlements whose target has not had the product on a
 * device seen within the last `days` days before the date: licences paid for and not used.
 */
export async function shelfwareCounts(db: Queryable, productIds: string[], asOf: Date, days: number): Promise<Map<string, number>> {
  // Each kind of target is looked up in its own anti-join against the products' recent consumers,
  // read once: one condition over the three kinds was a scan of the installs per allocation. The
  // planner guesses one allocation of each kind, and loops over the recent consumers once per
  // allocation: quickest for a product's few allocations, since each loop stops at its first
  // consumer, but seconds across the estate's hundreds, where the anti-joins hash them instead.
  const { rows: counted } = await db.query<{ n: number }>(
    'select count(*)::int as n from entitlement_allocations a join entitlements e on e.id = a.entitlement_id where e.product_id = any($1::text[])',
    [productIds],
  );
  const many = (counted[0]?.n ?? 0) > MANY_ALLOCATIONS;
  if (many) await db.query('set local enable_nestloop = off');
  const { rows } = await db.query<{ product_id: string; n: number }>(
    `with alloc as (
       select e.product_id, a.target_kind, lower(a.target) as target
         from entitlement_allocations a join entitlements e on e.id = a.entitlement_id
        where e.product_id = any($1::text[])
     ), recent as materialized (
       select i.product_id, i.device_id::text as device, c.user_key, lower(c.department) as department_key
         from licence_inst i join licence_device_context c on c.device_id = i.device_id join devices d on d.id = i.device_id
        where d.last_seen > $2::timestamptz - make_interval(days => $3)
          and exists (select 1 from alloc a where a.product_id = i.product_id)
     )
     select product_id, count(*)::int as n from (
       select a.product_id from alloc a where a.target_kind = 'device'
          and not exists (select 1 from recent r where r.product_id = a.product_id and r.device = a.target)
       union all
       select a.product_id from alloc a where a.target_kind = 'user'
          and not exists (select 1 from recent r where r.product_id = a.product_id and r.user_key = a.target)
       union all
       select a.product_id from alloc a where a.target_kind = 'department'
          and not exists (select 1 from recent r where r.product_id = a.product_id and r.department_key = a.target)
     ) unused
     group by product_id`,
    [productIds, asOf, days],
  );
  if (many) await db.query('set local enable_nestloop = on');
  return new Map(rows.map((r) => [r.product_id, r.n]));
}
