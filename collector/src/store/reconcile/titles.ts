import type { LicenceClass, RawTitle, TitleSource, TriageList } from '@steward/shared';
import type { Queryable } from '../database.js';
import { rawTitlesSql, TITLE_JOIN } from './raw-titles.js';
import { likeContaining } from '../escape-like.js';

/**
 * Adds the titles one device has that are not known yet: its operating system's, and those of
 * software rows stored without a title (rows linked to one have it already).
 */
export async function addDeviceTitles(db: Queryable, deviceId: string): Promise<void> {
  await db.query(
    `insert into software_titles (source, name, publisher, version, first_seen)
     select r.source, r.name, r.publisher, r.version, min(r.first_seen)
       from ${rawTitlesSql((c) => `${c} = $1`, true)} r
      where not exists (select 1 from software_titles t where ${TITLE_JOIN})
      group by 1, 2, 3, 4
     on conflict do nothing`,
    [deviceId],
  );
}

export interface StaleTitle extends RawTitle {
  id: string;
}

/** Titles normalised under another rules generation (or never), in batches. */
export async function staleTitles(db: Queryable, generation: number, limit: number, afterId = '0'): Promise<StaleTitle[]> {
  const { rows } = await db.query<{ id: string; source: TitleSource; name: string; publisher: string; version: string }>(
    `select id::text as id, source, name, publisher, version from software_titles
      where generation <> $1 and id > $2::bigint order by id limit $3`,
    [generation, afterId, limit],
  );
  return rows.map((r) => ({ id: r.id, source: r.source, name: r.name, publisher: r.publisher || undefined, version: r.version || undefined }));
}

export interface TitleNormalisation {
  id: string;
  licence: LicenceClass;
  productId: string | null;
  publisher: string;
  product: string;
  edition: string | null;
  release: string | null;
  releaseKey: string | null;
  ruleId: string | null;
}

/** Stores normalisations; returns the product ids whose commercial titles changed. */
export async function saveNormalisations(db: Queryable, generation: number, results: TitleNormalisation[]): Promise<string[]> {
  if (results.length === 0) return [];
  // Every CTE reads the same snapshot, so "old" sees the rows as they were before "updated" ran.
  const { rows } = await db.query<{ before: string | null; after: string | null }>(
    `with incoming as (
       select * from json_to_recordset($2::json) as n(id bigint, licence text, product_id text, publisher text, product text,
              edition text, release text, release_key text, rule_id text)
     ), old as (
       select t.id, t.product_id, t.licence, t.release_key, t.edition from software_titles t join incoming n on n.id = t.id
     ), updated as (
       update software_titles t set licence = n.licence, product_id = n.product_id, norm_publisher = n.publisher, norm_product = n.product,
              edition = n.edition, release = n.release, release_key = n.release_key, rule_id = n.rule_id, generation = $1
         from incoming n where n.id = t.id
     )
     select case when o.licence = 'commercial' then o.product_id end as before,
            case when n.licence = 'commercial' then n.product_id end as after
       from old o join incoming n on n.id = o.id
      where (o.product_id, o.licence, o.release_key, o.edition) is distinct from (n.product_id, n.licence, n.release_key, n.edition)`,
    [generation, JSON.stringify(results.map((r) => ({
      id: r.id, licence: r.licence, product_id: r.productId, publisher: r.publisher, product: r.product,
      edition: r.edition, release: r.release, release_key: r.releaseKey, rule_id: r.ruleId,
    })))],
  );
  const changed = new Set<string>();
  for (const r of rows) {
    if (r.before) changed.add(r.before);
    if (r.after) changed.add(r.after);
  }
  return [...changed];
}

/** Unrecognised titles, the ones on most devices first: what a person should classify next. */
export async function triageList(db: Queryable, page: { limit: number; offset: number; search?: string }): Promise<TriageList> {
  const { rows } = await db.query<{ source: TitleSource; name: string; publisher: string; versions: number; devices: number; first_seen: Date; total: number }>(
    `with u as (
       select t.source, t.name, t.publisher, t.version, t.first_seen from software_titles t
        where t.licence = 'unrecognised' and ($3::text is null or lower(t.name || ' ' || t.publisher) like $3)
     ), seen as (
       select r.source, r.name, r.publisher, count(distinct r.device_id)::int as devices
         from ${rawTitlesSql(() => 'true')} r join u t on ${TITLE_JOIN}
        group by 1, 2, 3
     ), grouped as (
       select u.source, u.name, u.publisher, count(distinct u.version)::int as versions, min(u.first_seen) as first_seen
         from u group by 1, 2, 3
     )
     select g.*, coalesce(s.devices, 0) as devices, count(*) over ()::int as total
       from grouped g left join seen s on s.source = g.source and s.name = g.name and s.publisher = g.publisher
      order by devices desc, lower(g.name), g.source limit $1 offset $2`,
    [page.limit, page.offset, page.search ? likeContaining(page.search) : null],
  );
  return {
    items: rows.map((r) => ({
      source: r.source, name: r.name, publisher: r.publisher || null, versions: r.versions, devices: r.devices,
      firstSeen: new Date(r.first_seen).toISOString(),
    })),
    total: rows[0]?.total ?? 0,
  };
}

/** One device's titles that the current rules have not normalised yet. */
export async function staleDeviceTitles(db: Queryable, deviceId: string, generation: number): Promise<StaleTitle[]> {
  const { rows } = await db.query<{ id: string; source: TitleSource; name: string; publisher: string; version: string }>(
    `select distinct t.id::text as id, t.source, t.name, t.publisher, t.version
       from ${rawTitlesSql((c) => `${c} = $1`)} r join software_titles t on ${TITLE_JOIN}
      where t.generation <> $2`,
    [deviceId, generation],
  );
  return rows.map((r) => ({ id: r.id, source: r.source, name: r.name, publisher: r.publisher || undefined, version: r.version || undefined }));
}
