import type { Queryable } from '../database.js';
import { rawTitlesSql, TITLE_JOIN } from './raw-titles.js';

/**
 * The licensable installs as they should be: per device and commercial product, the highest
 * release installed (its evidence kept) and when the product was first seen there.
 */
function freshInstallsSql(deviceFilter: (column: string) => string): string {
  return `select distinct on (r.device_id, t.product_id)
            r.device_id, t.product_id, t.id as title_id, t.release, t.release_key, t.edition,
            r.source, r.name as raw_name, nullif(r.version, '') as raw_version,
            min(r.first_seen) over (partition by r.device_id, t.product_id) as first_seen
       from ${rawTitlesSql(deviceFilter)} r
       join software_titles t on ${TITLE_JOIN}
      where t.licence = 'commercial' and t.product_id is not null
      order by r.device_id, t.product_id, t.release_key desc nulls last, t.id`;
}

const UPSERT = `
  insert into licence_installs (device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen)
  select device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen from fresh
  on conflict (device_id, product_id) do update set title_id = excluded.title_id, release = excluded.release,
    release_key = excluded.release_key, edition = excluded.edition, source = excluded.source, raw_name = excluded.raw_name,
    raw_version = excluded.raw_version, first_seen = excluded.first_seen
  where (licence_installs.title_id, licence_installs.first_seen, licence_installs.release_key, licence_installs.edition)
        is distinct from (excluded.title_id, excluded.first_seen, excluded.release_key, excluded.edition)`;

/**
 * Brings one device's licensable installs up to date; returns every product the device had or
 * has, since a change to the device (cores, user) moves their positions too.
 */
export async function refreshDeviceInstalls(db: Queryable, deviceId: string): Promise<string[]> {
  const { rows } = await db.query<{ product_id: string }>(
    `with before as (
       select product_id from licence_installs where device_id = $1
     ), fresh as (${freshInstallsSql((c) => `${c} = $1`)}
     ), gone as (
       delete from licence_installs li where li.device_id = $1
          and not exists (select 1 from fresh f where f.product_id = li.product_id)
     ), put as (${UPSERT})
     select product_id from before union select product_id from fresh`,
    [deviceId],
  );
  return rows.map((r) => r.product_id);
}

/** Rebuilds every device's licensable installs from their inventories; returns how many there are. */
export async function refreshAllInstalls(db: Queryable): Promise<number> {
  await db.query(
    `create temporary table fresh_installs on commit drop as ${freshInstallsSql(() => 'true')}`,
  );
  await db.query('create index on fresh_installs (device_id, product_id)');
  await db.query('analyze fresh_installs');
  await db.query(
    `delete from licence_installs li where not exists
       (select 1 from fresh_installs f where f.device_id = li.device_id and f.product_id = li.product_id)`,
  );
  await db.query(`with fresh as (select * from fresh_installs) ${UPSERT}`);
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from fresh_installs');
  return rows[0]?.n ?? 0;
}

/** Products that have licensable installs or entitlements: the ones a position is computed for. */
export async function productsInPlay(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ product_id: string }>(
    `select product_id from licence_installs group by product_id
     union select product_id from entitlements
     union select product_id from licence_positions`,
  );
  return rows.map((r) => r.product_id);
}
