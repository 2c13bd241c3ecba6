import type { SoftwareHolder, SoftwareHoldersQuery, SoftwareTitleSummary } from '@steward/shared';
import type { Queryable } from './database.js';
import { escapeLike } from './escape-like.js';

/**
 * Titles whose name holds the search text, with how many devices have them: read from the
 * installed rows themselves, so a row stored while its title was being made is counted too.
 */
export async function searchInstalledSoftware(db: Queryable, search: string, limit: number): Promise<SoftwareTitleSummary[]> {
  const { rows } = await db.query<{ name: string; publisher: string | null; versions: string[]; devices: number; installs: number }>(
    `select ds.name, nullif(ds.publisher, '') as publisher, count(distinct ds.device_id)::int as devices, count(*)::int as installs,
            (array_agg(distinct coalesce(ds.version, '') order by coalesce(ds.version, '')))[1:20] as versions
       from device_software ds
      -- The titles' names first (trigram-indexed, and small), then their installs by exact name.
      where ds.name in (select distinct t.name from software_titles t where lower(t.name) like $1)
      group by ds.name, nullif(ds.publisher, '')
      order by devices desc, ds.name
      limit $2`,
    [`%${escapeLike(search.toLowerCase())}%`, limit],
  );
  // "2.9" before "2.16", as people read versions.
  const byNumbers = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return rows.map((r) => ({ ...r, versions: r.versions.filter((v) => v !== '').sort(byNumbers) }));
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
