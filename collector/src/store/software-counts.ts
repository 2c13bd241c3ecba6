import type { Database, Queryable } from './database.js';

/** The advisory lock folds take turns under. */
const SOFTWARE_COUNTS_FOLD_LOCK = 7210554;

/**
 * Adds up to `limit` of the changes into the counts and deletes them, in the caller's
 * transaction; answers how many it folded. Folds on several collectors take turns.
 */
export async function foldSoftwareCountChanges(db: Queryable, limit: number): Promise<number> {
  // One fold at a time: two folds writing the same titles' counts in different orders would deadlock.
  await db.query('select pg_advisory_xact_lock($1)', [SOFTWARE_COUNTS_FOLD_LOCK]);
  const { rows } = await db.query<{ folded: number; names: string[] | null }>(
    `with moved as (
       delete from software_count_changes where ctid = any(array(
         select ctid from software_count_changes limit $1 for update skip locked))
       returning name, publisher, version, installs, devices
     ), versions as (
       insert into software_version_counts as c (name, publisher, version, installs)
       select name, publisher, version, sum(installs) from moved where installs <> 0 group by 1, 2, 3 having sum(installs) <> 0
       on conflict (name, publisher, version) do update set installs = c.installs + excluded.installs
     ), titles as (
       insert into software_title_holders as c (name, publisher, devices, installs)
       select name, publisher, sum(devices), sum(installs) from moved group by 1, 2 having sum(devices) <> 0 or sum(installs) <> 0
       on conflict (name, publisher) do update set devices = c.devices + excluded.devices, installs = c.installs + excluded.installs
     )
     select count(*)::int as folded, array_agg(distinct name) as names from moved`,
    [limit],
  );
  // Counts that fell to nothing are dropped; the statement above cannot see its own upserts.
  const names = rows[0]?.names ?? [];
  if (names.length) {
    await db.query('delete from software_version_counts where name = any($1::text[]) and installs = 0', [names]);
    await db.query('delete from software_title_holders where name = any($1::text[]) and installs = 0', [names]);
  }
  return rows[0]?.folded ?? 0;
}

/**
 * Frees the space of folded changes (outside any transaction). The embedded database has no
 * autovacuum, and on a server the table turns over faster than autovacuum comes by: unvacuumed,
 * every search and fold would read the pages of all the changes ever folded.
 */
export async function vacuumSoftwareCountChanges(db: Database): Promise<void> {
  await db.exec('vacuum software_count_changes');
}

/** How many changes wait to be folded. */
export async function pendingSoftwareCountChanges(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from software_count_changes');
  return rows[0]?.n ?? 0;
}
