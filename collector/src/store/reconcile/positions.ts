import type { LicenceMetric, LicencePosition, UnlicensedInstall } from '@steward/shared';
import type { Queryable } from '../database.js';
import type { UnlicensedPick } from './consumers.js';

export interface PositionFigures {
  productId: string;
  metric: LicenceMetric;
  entitled: number | null;
  consumed: number;
  covered: number;
  shortfall: number;
  surplus: number | null;
  shortfallCost: number | null;
  currency: string | null;
  installs: number;
  unlicensed: number;
  shelfware: number;
  entitlements: Array<{ entitlementId: string; metric: LicenceMetric; quantity: number | null; used: number }>;
}

/**
 * Stores positions, replacing those of the same products; writes a history point for every product
 * when `history` is 'all', else only for those whose figures moved.
 */
export async function storePositions(db: Queryable, figures: PositionFigures[], at: Date, history: 'all' | 'changed'): Promise<void> {
  const rows = JSON.stringify(figures.map((f) => ({
    product_id: f.productId, metric: f.metric, entitled: f.entitled, consumed: f.consumed, covered: f.covered, shortfall: f.shortfall,
    surplus: f.surplus, shortfall_cost: f.shortfallCost, currency: f.currency, installs: f.installs, unlicensed: f.unlicensed,
    shelfware: f.shelfware, entitlements: f.entitlements,
  })));
  await db.query(
    `with incoming as (
       select * from json_to_recordset($1::json) as p(product_id text, metric text, entitled numeric, consumed numeric, covered numeric,
              shortfall numeric, surplus numeric, shortfall_cost numeric, currency text, installs integer, unlicensed integer,
              shelfware integer, entitlements jsonb)
     ), moved as (
       select n.* from incoming n left join licence_positions o on o.product_id = n.product_id
        where $3 = 'all' or o.product_id is null
           or (o.metric, o.entitled, o.consumed, o.shortfall, o.surplus, o.shortfall_cost, o.installs, o.unlicensed)
              is distinct from (n.metric, n.entitled, n.consumed, n.shortfall, n.surplus, n.shortfall_cost, n.installs, n.unlicensed)
     ), history as (
       insert into licence_position_history (time, product_id, metric, entitled, consumed, shortfall, surplus, shortfall_cost, installs, unlicensed)
       select $2, product_id, metric, entitled, consumed, shortfall, surplus, shortfall_cost, installs, unlicensed from moved
       on conflict do nothing
     )
     insert into licence_positions (product_id, metric, entitled, consumed, covered, shortfall, surplus, shortfall_cost, currency,
            installs, unlicensed, shelfware, entitlements, computed_at)
     select product_id, metric, entitled, consumed, covered, shortfall, surplus, shortfall_cost, currency, installs, unlicensed,
            shelfware, entitlements, $2 from incoming
     on conflict (product_id) do update set metric = excluded.metric, entitled = excluded.entitled, consumed = excluded.consumed,
       covered = excluded.covered, shortfall = excluded.shortfall, surplus = excluded.surplus, shortfall_cost = excluded.shortfall_cost,
       currency = excluded.currency, installs = excluded.installs, unlicensed = excluded.unlicensed, shelfware = excluded.shelfware,
       entitlements = excluded.entitlements, computed_at = excluded.computed_at`,
    [rows, at, history],
  );
}

/** Makes the stored unlicensed installs of the products those in licence_picks, writing only what changed. */
export async function storeUnlicensedPicks(db: Queryable, productIds: string[]): Promise<void> {
  await db.query(
    `delete from licence_unlicensed u where u.product_id = any($1::text[])
        and not exists (select 1 from licence_picks p where p.product_id = u.product_id and p.device_id = u.device_id)`,
    [productIds],
  );
  await db.query(
    `update licence_unlicensed u set units = p.units from licence_picks p
      where p.product_id = u.product_id and p.device_id = u.device_id and u.units <> p.units`,
  );
  await db.query(
    `insert into licence_unlicensed (product_id, device_id, units)
     select p.product_id, p.device_id, p.units from licence_picks p
     on conflict (product_id, device_id) do nothing`,
  );
}

/** Positions of products (of the given ones, or any) that nothing installs and nothing entitles any more. */
export async function deleteIdlePositions(db: Queryable, productIds: string[] | null = null): Promise<void> {
  await db.query(
    `delete from licence_positions p where p.installs = 0 and ($1::text[] is null or p.product_id = any($1::text[]))
       and not exists (select 1 from entitlements e where e.product_id = p.product_id)
       and not exists (select 1 from licence_installs li where li.product_id = p.product_id)`,
    [productIds],
  );
}

interface PositionRow {
  product_id: string;
  publisher: string;
  product: string;
  metric: LicenceMetric;
  entitled: string | null;
  consumed: string;
  covered: string;
  shortfall: string;
  surplus: string | null;
  shortfall_cost: string | null;
  currency: string | null;
  installs: number;
  unlicensed: number;
  shelfware: number;
  entitlements: LicencePosition['entitlements'];
  computed_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));

export async function listPositions(db: Queryable, filter: { productId?: string; vendor?: string; shortfallOnly?: boolean }): Promise<LicencePosition[]> {
  const { rows } = await db.query<PositionRow>(
    `select p.product_id, c.publisher, c.name as product, p.metric, p.entitled::text, p.consumed::text, p.covered::text, p.shortfall::text,
            p.surplus::text, p.shortfall_cost::text, p.currency, p.installs, p.unlicensed, p.shelfware, p.entitlements, p.computed_at
       from licence_positions p join catalogue_products c on c.id = p.product_id
      where ($1::text is null or p.product_id = $1)
        and ($2::text is null or lower(c.publisher) = lower($2)
             or exists (select 1 from entitlements e where e.product_id = p.product_id and lower(e.vendor) = lower($2)))
        and (not $3 or p.shortfall > 0)
      order by p.shortfall_cost desc nulls last, p.shortfall desc, lower(c.publisher), lower(c.name)`,
    [filter.productId ?? null, filter.vendor ?? null, filter.shortfallOnly ?? false],
  );
  return rows.map((r) => ({
    productId: r.product_id, publisher: r.publisher, product: r.product, metric: r.metric, entitled: num(r.entitled),
    consumed: Number(r.consumed), covered: Number(r.covered), shortfall: Number(r.shortfall), surplus: num(r.surplus),
    shortfallCost: num(r.shortfall_cost), currency: r.currency, installs: r.installs, unlicensed: r.unlicensed, shelfware: r.shelfware,
    entitlements: r.entitlements, computedAt: new Date(r.computed_at).toISOString(),
  }));
}

/** Every install the last computation left unlicensed, with the evidence: which discovery saw it, when. */
export async function listUnlicensed(db: Queryable, filter: { productId?: string; limit: number; offset: number }): Promise<UnlicensedInstall[]> {
  const { rows } = await db.query<{
    product_id: string; device_id: string; hostname: string; kind: 'agent' | 'snmp' | 'ssh'; user_key: string | null; release: string | null;
    edition: string | null; units: string; source: string; raw_name: string; raw_version: string | null; first_seen: Date; last_seen: Date;
  }>(
    `select u.product_id, u.device_id, d.hostname, d.kind,
            c.user_key,
            li.release, li.edition, u.units::text, li.source, li.raw_name, li.raw_version, li.first_seen, d.last_seen
       from licence_unlicensed u
       join licence_installs li on li.device_id = u.device_id and li.product_id = u.product_id
       join devices d on d.id = u.device_id
       join licence_device_context c on c.device_id = u.device_id
      where ($1::text is null or u.product_id = $1)
      order by u.product_id, li.first_seen desc, lower(d.hostname)
      limit $2 offset $3`,
    [filter.productId ?? null, filter.limit, filter.offset],
  );
  return rows.map((r) => ({
    productId: r.product_id, deviceId: r.device_id, hostname: r.hostname, deviceKind: r.kind, user: r.user_key, release: r.release,
    edition: r.edition, units: Number(r.units), source: r.source, rawName: r.raw_name, rawVersion: r.raw_version,
    firstSeen: new Date(r.first_seen).toISOString(), lastSeen: new Date(r.last_seen).toISOString(),
  }));
}

export async function positionHistory(db: Queryable, filter: { productId?: string; from?: string; to?: string }) {
  const { rows } = await db.query<{ time: Date; product_id: string; entitled: string | null; consumed: string; shortfall: string; shortfall_cost: string | null }>(
    `select time, product_id, entitled::text, consumed::text, shortfall::text, shortfall_cost::text from licence_position_history
      where ($1::text is null or product_id = $1) and ($2::timestamptz is null or time >= $2) and ($3::timestamptz is null or time <= $3)
      order by time, product_id limit 100000`,
    [filter.productId ?? null, filter.from ?? null, filter.to ?? null],
  );
  return rows.map((r) => ({
    time: new Date(r.time).toISOString(), productId: r.product_id, entitled: num(r.entitled), consumed: Number(r.consumed),
    shortfall: Number(r.shortfall), shortfallCost: num(r.shortfall_cost),
  }));
}

/** The unlicensed installs behind the stored positions, as the last computation of each product left them. */
export async function storedPicks(db: Queryable): Promise<UnlicensedPick[]> {
  const { rows } = await db.query<{ product_id: string; device_id: string; units: string }>(
    'select product_id, device_id, units::text from licence_unlicensed order by product_id, device_id');
  return rows.map((r) => ({ productId: r.product_id, deviceId: r.device_id, units: Number(r.units) }));
}
