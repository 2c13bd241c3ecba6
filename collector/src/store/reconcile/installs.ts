import type { Queryable } from '../database.js';
import { rawTitlesSql, TITLE_JOIN } from './raw-titles.js';
import { tempTable } from './temp-table.js';

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

/**
 * One pass over every install of the estate (and every device's operating system): the rows
 * whose title is commercial, and the rows whose title is not known yet, into estate_rows. Call
 * after stale titles are normalised, inside a transaction; returns how many rows had no title.
 */
export async function scanEstate(db: Queryable): Promise<number> {
  // The titles are few: hashing them and streaming the installs past them beats sorting both,
  // which the planner otherwise tends to choose for a four-column text key.
  await db.query('set local enable_mergejoin = off');
  await db.query('set local enable_nestloop = off');
  await tempTable(db, 'estate_rows',
    `select r.device_id, r.source, r.name, r.publisher, r.version, r.first_seen, t.id as title_id
       from ${rawTitlesSql(() => 'true')} r
       left join software_titles t on ${TITLE_JOIN}
      where t.id is null or (t.licence = 'commercial' and t.product_id is not null)`);
  await db.query('set local enable_mergejoin = on');
  await db.query('set local enable_nestloop = on');
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from estate_rows where title_id is null');
  return rows[0]?.n ?? 0;
}

/** Adds the titles the scan found unknown; returns how many were new. */
export async function addScannedTitles(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `insert into software_titles (source, name, publisher, version, first_seen)
     select source, name, publisher, version, min(first_seen) from estate_rows where title_id is null
      group by 1, 2, 3, 4
     on conflict do nothing`,
  );
  return rowCount;
}

/**
 * Rebuilds every device's licensable installs from the scanned rows, writing only the rows that
 * changed; returns how many there are. Per device and product, the highest release is kept with
 * its evidence, and the first time any release of the product was seen there.
 */
export async function refreshAllInstalls(db: Queryable): Promise<number> {
  // The best title per device and product is the highest release (then the lowest id): one max()
  // over a key that sorts that way, so the rows need no sorting.
  await tempTable(db, 'fresh_installs',
    `select b.device_id, b.product_id, t.id as title_id, t.release, t.release_key, t.edition,
            t.source, t.name as raw_name, nullif(t.version, '') as raw_version, b.first_seen
       from (select r.device_id, t.product_id, min(r.first_seen) as first_seen,
                    max(coalesce(t.release_key, '') || chr(1) || lpad((999999999999 - t.id)::text, 12, '0')) as best
               from estate_rows r join software_titles t on t.id = r.title_id
              where t.licence = 'commercial' and t.product_id is not null
              group by r.device_id, t.product_id) b
       join software_titles t on t.id = 999999999999 - split_part(b.best, chr(1), 2)::bigint`);
  // One join finds every difference; only the rows that differ are written.
  await tempTable(db, 'install_changes',
    `select case when li.device_id is null then 'insert' when f.device_id is null then 'delete' else 'update' end as op,
            coalesce(f.device_id, li.device_id) as device_id, coalesce(f.product_id, li.product_id) as product_id,
            f.title_id, f.release, f.release_key, f.edition, f.source, f.raw_name, f.raw_version, f.first_seen
       from fresh_installs f full join licence_installs li on li.device_id = f.device_id and li.product_id = f.product_id
      where li.device_id is null or f.device_id is null
         or (li.title_id, li.first_seen, li.release_key, li.edition) is distinct from (f.title_id, f.first_seen, f.release_key, f.edition)`);
  await db.query(
    `delete from licence_installs li using install_changes c
      where c.op = 'delete' and li.device_id = c.device_id and li.product_id = c.product_id`,
  );
  await db.query(
    `update licence_installs li set title_id = c.title_id, release = c.release, release_key = c.release_key, edition = c.edition,
            source = c.source, raw_name = c.raw_name, raw_version = c.raw_version, first_seen = c.first_seen
       from install_changes c
      where c.op = 'update' and li.device_id = c.device_id and li.product_id = c.product_id`,
  );
  await db.query(
    `insert into licence_installs (device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen)
     select device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen
       from install_changes where op = 'insert'`,
  );
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
