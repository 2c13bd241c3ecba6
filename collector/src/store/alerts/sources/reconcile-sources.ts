import type { Queryable } from '../../database.js';

export interface FindingRow {
  id: string;
  type: string;
  subtype: string | null;
  device_id: string | null;
  asset_id: string | null;
  summary: string;
  first_detected: Date;
}

/** Open reconciliation findings of one type (acknowledged ones are already in someone's hands). */
export async function openFindings(db: Queryable, type: 'missing' | 'unregistered'): Promise<FindingRow[]> {
  const { rows } = await db.query<FindingRow>(
    `select id, type, subtype, device_id, asset_id, summary, first_detected from findings where type = $1 and state = 'open'`,
    [type],
  );
  return rows;
}

export interface UnlicensedRow {
  product_id: string;
  product_name: string;
  publisher: string;
  device_id: string;
  hostname: string | null;
  units: number;
}

export async function unlicensedInstalls(db: Queryable): Promise<UnlicensedRow[]> {
  const { rows } = await db.query<UnlicensedRow>(
    `select u.product_id, p.name as product_name, p.publisher, u.device_id, d.hostname, u.units::float8 as units
       from licence_unlicensed u join catalogue_products p on p.id = u.product_id left join devices d on d.id = u.device_id`,
  );
  return rows;
}

export interface ShortfallRow {
  product_id: string;
  product_name: string;
  publisher: string;
  metric: string;
  entitled: number | null;
  consumed: number;
  shortfall: number;
  shortfall_cost: number | null;
  currency: string | null;
}

export async function licenceShortfalls(db: Queryable, atLeast: number): Promise<ShortfallRow[]> {
  const { rows } = await db.query<ShortfallRow>(
    `select l.product_id, p.name as product_name, p.publisher, l.metric, l.entitled::float8 as entitled,
            l.consumed::float8 as consumed, l.shortfall::float8 as shortfall, l.shortfall_cost::float8 as shortfall_cost, l.currency
       from licence_positions l join catalogue_products p on p.id = l.product_id
      where l.shortfall >= $1`,
    [atLeast],
  );
  return rows;
}

export interface EntitlementTermRow {
  id: string;
  product_id: string;
  product_name: string;
  description: string | null;
  term_end: string;
  vendor: string | null;
  contract: string | null;
  quantity: number | null;
  unit_cost: number | null;
  currency: string | null;
}

/** Licence entitlements whose term ends between the dates. */
export async function entitlementsEnding(db: Queryable, from: string, to: string): Promise<EntitlementTermRow[]> {
  const { rows } = await db.query<EntitlementTermRow>(
    `select e.id, e.product_id, p.name as product_name, e.description, e.term_end::text as term_end, e.vendor, e.contract,
            e.quantity, e.unit_cost::float8 as unit_cost, e.currency
       from entitlements e join catalogue_products p on p.id = e.product_id
      where e.term_end between $1::date and $2::date`,
    [from, to],
  );
  return rows;
}
