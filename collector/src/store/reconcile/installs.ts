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

/** Sorts like (release_key desc, id asc): the best title of a product on a device is the max of it. */
const BEST_TITLE_KEY = `coalesce(t.release_key, '') || chr(1) || lpad((999999999999 - t.id)::text, 12, '0')`;
const TITLE_OF_BEST = (column: string) => `999999999999 - split_part(${column}, chr(1), 2)::bigint`;

/**
 * One pass over every install of the estate (and every device's operating system), into
 * estate_rows: for each install of a commercial title, its device, product, first sighting and
 * best-title key; for each install of a title not known yet, the title. Rows are kept narrow so
 * a million of them are quick to write and read. Software rows carry their title's id and join
 * on it; the few stored without one (before titles were linked, or racing a new title's
 * creation) and the operating systems join on the title's text. Call after stale titles are
 * normalised, inside a transaction; returns how many rows had no title.
 */
export async function scanEstate(db: Queryable): Promise<number> {
  // The titles are few: hashing them and streaming the installs past them beats sorting both.
  await db.query('set local enable_mergejoin = off');
  await db.query('set local enable_nestloop = off');
  await tempTable(db, 'estate_rows',
    `select ds.device_id, ds.first_seen, t.product_id, ${BEST_TITLE_KEY} as best,
            null::text as source, null::text as name, null::text as publisher, null::text as version
       from device_software ds join software_titles t on t.id = ds.title_id
      where t.licence = 'commercial' and t.product_id is not null
     union all
     select r.device_id, r.first_seen, t.product_id, case when t.id is not null then ${BEST_TITLE_KEY} end,
            case when t.id is null then r.source end, case when t.id is null then r.name end,
            case when t.id is null then r.publisher end, case when t.id is null then r.version end
       from ${rawTitlesSql(() => 'true', true)} r
       left join software_titles t on ${TITLE_JOIN}
      where t.id is null or (t.licence = 'commercial' and t.product_id is not null)`);
  await db.query('set local enable_mergejoin = on');
  await db.query('set local enable_nestloop = on');
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from estate_rows where best is null');
  return rows[0]?.n ?? 0;
}

/** Adds the titles the scan found unknown; returns how many were new. */
export async function addScannedTitles(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `insert into software_titles (source, name, publisher, version, first_seen)
     select source, name, publisher, version, min(first_seen) from estate_rows where best is null
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
  await tempTable(db, 'fresh_installs',
    `select device_id, product_id, min(first_seen) as first_seen, ${TITLE_OF_BEST('max(best)')} as title_id
       from estate_rows where best is not null group by device_id, product_id`);
  // One join finds every difference (a title's normalisation may have changed under the same id);
  // only the rows that differ are written.
  await tempTable(db, 'install_changes',
    `select case when li.device_id is null then 'insert' when f.device_id is null then 'delete' else 'update' end as op,
            coalesce(f.device_id, li.device_id) as device_id, coalesce(f.product_id, li.product_id) as product_id,
            f.title_id, f.first_seen
       from (select f.*, t.release_key, t.edition from fresh_installs f join software_titles t on t.id = f.title_id) f
       full join licence_installs li on li.device_id = f.device_id and li.product_id = f.product_id
      where li.device_id is null or f.device_id is null
         or (li.title_id, li.first_seen, li.release_key, li.edition) is distinct from (f.title_id, f.first_seen, f.release_key, f.edition)`);
  await db.query(
    `delete from licence_installs li using install_changes c
      where c.op = 'delete' and li.device_id = c.device_id and li.product_id = c.product_id`,
  );
  await db.query(
    `update licence_installs li set title_id = t.id, release = t.release, release_key = t.release_key, edition = t.edition,
            source = t.source, raw_name = t.name, raw_version = nullif(t.version, ''), first_seen = c.first_seen
       from install_changes c join software_titles t on t.id = c.title_id
      where c.op = 'update' and li.device_id = c.device_id and li.product_id = c.product_id`,
  );
  await db.query(
    `insert into licence_installs (device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen)
     select c.device_id, c.product_id, t.id, t.release, t.release_key, t.edition, t.source, t.name, nullif(t.version, ''), c.first_seen
       from install_changes c join software_titles t on t.id = c.title_id where c.op = 'insert'
     -- A device reconciled from the queue meanwhile may have written the row first: the run's own reading stands.
     on conflict (device_id, product_id) do update set title_id = excluded.title_id, release = excluded.release,
       release_key = excluded.release_key, edition = excluded.edition, source = excluded.source, raw_name = excluded.raw_name,
       raw_version = excluded.raw_version, first_seen = excluded.first_seen`,
  );
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from fresh_installs');
  return rows[0]?.n ?? 0;
}

/** The products in play, each with its number of licensable installs: what computing its position costs. */
export async function productsInPlayWithInstalls(db: Queryable): Promise<Array<{ productId: string; installs: number }>> {
  const { rows } = await db.query<{ product_id: string; n: number }>(
    `select product_id, sum(n)::int as n from (
       select product_id, count(*) as n from licence_installs group by product_id
       union all select product_id, 0 from entitlements
       union all select product_id, 0 from licence_positions) p
     group by product_id order by product_id`,
  );
  return rows.map((r) => ({ productId: r.product_id, installs: r.n }));
}

/** Products that have licensable installs or entitlements: the ones a position is computed for. */
export async function productsInPlay(db: Queryable): Promise<string[]> {
  return (await productsInPlayWithInstalls(db)).map((p) => p.productId);
}
