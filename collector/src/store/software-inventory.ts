import type { SoftwareHolder, SoftwareHoldersQuery, SoftwareTitleSummary } from '@steward/shared';
import type { Queryable } from './database.js';
import { likeContaining } from './escape-like.js';

/**
 * Titles whose name holds the search text, with how many devices have them and their versions:
 * the titles' names first (trigram-indexed, and small), then the counts kept for those names plus
 * the changes not yet added into them, so the figures are those of the installed rows now.
 */
export async function searchInstalledSoftware(db: Queryable, search: string, limit: number): Promise<SoftwareTitleSummary[]> {
  const { rows } = await db.query<{ name: string; publisher: string | null; versions: string[]; devices: number; installs: number }>(
    `with names as (select distinct t.name from software_titles t where lower(t.name) like $1),
     -- Matched by the pattern itself: the changes are few, and a join's plan would rest on guessed sizes.
     pending as materialized (select c.* from software_count_changes c where lower(c.name) like $1),
     titles as (
       select name, publisher, sum(devices)::int as devices, sum(installs)::int as installs from (
         select h.name, h.publisher, h.devices, h.installs from software_title_holders h where h.name in (select name from names)
         union all select name, publisher, devices, installs from pending) x
        group by 1, 2 having sum(installs) > 0
        order by devices desc, name, publisher limit $2
     ), versions as (
       select name, publisher, version from (
         select v.name, v.publisher, v.version, v.installs from software_version_counts v
          where (v.name, v.publisher) in (select name, publisher from titles)
         union all select name, publisher, version, installs from pending) x
        group by 1, 2, 3 having sum(installs) > 0
     )
     select t.name, nullif(t.publisher, '') as publisher, t.devices, t.installs,
            (select array_agg(v.version order by v.version) from versions v where v.name = t.name and v.publisher = t.publisher)[1:20] as versions
       from titles t
      order by t.devices desc, t.name, t.publisher`,
    [likeContaining(search), limit],
  );
  // "2.9" before "2.16", as people read versions.
  const byNumbers = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return rows.map((r) => ({ ...r, versions: (r.versions ?? []).filter((v) => v !== '').sort(byNumbers) }));
}

/** The devices holding one title, the most recently seen first. */
export async function listSoftwareHolders(db: Queryable, q: SoftwareHoldersQuery): Promise<{ items: SoftwareHolder[]; total: number }> {
  const params: unknown[] = [q.name];
  const where = ['ds.name = $1'];
  if (q.publisher !== undefined) where.push(`coalesce(ds.publisher, '') = $${params.push(q.publisher)}`);
  if (q.version !== undefined) where.push(`coalesce(ds.version, '') = $${params.push(q.version)}`);
  const filter = where.join(' and ');
  const [page, count] = await Promise.all([
    db.query<{ device_id: string; hostname: string; version: string | null; install_date: string | null; last_seen: Date }>(
      `select ds.device_id, d.hostname, ds.version, ds.install_date, d.last_seen
         from device_software ds join devices d on d.id = ds.device_id
        where ${filter}
        order by d.last_seen desc, d.hostname, ds.version
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from device_software ds where ${filter}`, params),
  ]);
  return {
    items: page.rows.map((r) => ({ deviceId: r.device_id, hostname: r.hostname, version: r.version, installDate: r.install_date, lastSeen: new Date(r.last_seen).toISOString() })),
    total: count.rows[0]?.n ?? 0,
  };
}
