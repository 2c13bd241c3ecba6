import type { Allocation, Entitlement, EntitlementFields, LicenceMetric } from '@steward/shared';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database.js';

export interface EntitlementRow {
  productId: string;
  description: string | null;
  metric: LicenceMetric;
  quantity: number | null;
  release: string | null;
  releaseKey: string | null;
  downgradeRights: boolean;
  editions: string[] | null;
  minCoresPerProcessor: number | null;
  minCoresPerDevice: number | null;
  termStart: string | null;
  termEnd: string | null;
  unitCost: number | null;
  currency: string;
  vendor: string | null;
  contract: string | null;
}

export function entitlementRow(input: EntitlementFields, releaseKey: string | null): EntitlementRow {
  return {
    productId: input.productId, description: input.description ?? null, metric: input.metric,
    quantity: input.metric === 'site' ? null : input.quantity ?? null, release: input.release ?? null, releaseKey,
    downgradeRights: input.downgradeRights, editions: input.editions ?? null,
    minCoresPerProcessor: input.minCoresPerProcessor ?? null, minCoresPerDevice: input.minCoresPerDevice ?? null,
    termStart: input.termStart ?? null, termEnd: input.termEnd ?? null, unitCost: input.unitCost ?? null, currency: input.currency,
    vendor: input.vendor ?? null, contract: input.contract ?? null,
  };
}

const VALUES = (r: EntitlementRow) => [
  r.productId, r.description, r.metric, r.quantity, r.release, r.releaseKey, r.downgradeRights, r.editions,
  r.minCoresPerProcessor, r.minCoresPerDevice, r.termStart, r.termEnd, r.unitCost, r.currency, r.vendor, r.contract,
];

export async function insertEntitlement(db: Queryable, id: string, row: EntitlementRow): Promise<void> {
  await db.query(
    `insert into entitlements (id, product_id, description, metric, quantity, release, release_key, downgrade_rights, editions,
            min_cores_per_processor, min_cores_per_device, term_start, term_end, unit_cost, currency, vendor, contract)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [id, ...VALUES(row)],
  );
}

export async function updateEntitlement(db: Queryable, id: string, row: EntitlementRow): Promise<boolean> {
  const { rowCount } = await db.query(
    `update entitlements set product_id = $2, description = $3, metric = $4, quantity = $5, release = $6, release_key = $7,
            downgrade_rights = $8, editions = $9, min_cores_per_processor = $10, min_cores_per_device = $11, term_start = $12,
            term_end = $13, unit_cost = $14, currency = $15, vendor = $16, contract = $17, updated_at = now()
      where id = $1`,
    [id, ...VALUES(row)],
  );
  return rowCount === 1;
}

export async function deleteEntitlement(db: Queryable, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ product_id: string }>('delete from entitlements where id = $1 returning product_id', [id]);
  return rows[0]?.product_id;
}

/** Replaces the sealed licence keys; they are written here and read nowhere in the API. */
export async function replaceEntitlementKeys(db: Queryable, id: string, sealed: string[]): Promise<void> {
  await db.query('delete from entitlement_keys where entitlement_id = $1', [id]);
  if (sealed.length === 0) return;
  await db.query(
    `insert into entitlement_keys (entitlement_id, position, sealed)
     select $1, k.ordinality, k.sealed from unnest($2::text[]) with ordinality as k(sealed, ordinality)`,
    [id, sealed],
  );
}

export async function replaceAllocations(db: Queryable, id: string, allocations: Array<{ targetKind: string; target: string }>): Promise<void> {
  await db.query('delete from entitlement_allocations where entitlement_id = $1', [id]);
  for (const a of allocations) await insertAllocation(db, id, randomUUID(), a);
}

export async function insertAllocation(db: Queryable, entitlementId: string, id: string, a: { targetKind: string; target: string }): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into entitlement_allocations (id, entitlement_id, target_kind, target) values ($1, $2, $3, $4)
     on conflict (entitlement_id, target_kind, target) do nothing`,
    [id, entitlementId, a.targetKind, a.targetKind === 'device' ? a.target.toLowerCase() : a.target],
  );
  return rowCount === 1;
}

export async function deleteAllocation(db: Queryable, entitlementId: string, allocationId: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from entitlement_allocations where id = $1 and entitlement_id = $2', [allocationId, entitlementId]);
  return rowCount === 1;
}

interface ListedRow {
  id: string;
  product_id: string;
  product_name: string;
  publisher: string;
  description: string | null;
  metric: LicenceMetric;
  quantity: number | null;
  release: string | null;
  downgrade_rights: boolean;
  editions: string[] | null;
  min_cores_per_processor: number | null;
  min_cores_per_device: number | null;
  term_start: string | null;
  term_end: string | null;
  unit_cost: string | null;
  currency: string;
  vendor: string | null;
  contract: string | null;
  key_count: number;
  allocations: Array<{ id: string; targetKind: Allocation['targetKind']; target: string; createdAt: string }>;
  used: string | null;
  created_at: Date;
  updated_at: Date;
  total: number;
}

function toEntitlement(r: ListedRow): Entitlement {
  return {
    id: r.id, productId: r.product_id, productName: r.product_name, publisher: r.publisher, description: r.description,
    metric: r.metric, quantity: r.quantity, release: r.release, downgradeRights: r.downgrade_rights, editions: r.editions,
    minCoresPerProcessor: r.min_cores_per_processor, minCoresPerDevice: r.min_cores_per_device, termStart: r.term_start,
    termEnd: r.term_end, unitCost: r.unit_cost === null ? null : Number(r.unit_cost), currency: r.currency, vendor: r.vendor,
    contract: r.contract, licenceKeyCount: r.key_count,
    allocations: r.allocations.map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() })),
    used: r.used === null ? null : Number(r.used), createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const LIST_SQL = `
  select e.id, e.product_id, c.name as product_name, c.publisher, e.description, e.metric, e.quantity, e.release, e.downgrade_rights,
         e.editions, e.min_cores_per_processor, e.min_cores_per_device, e.term_start::text, e.term_end::text, e.unit_cost::text,
         e.currency, e.vendor, e.contract,
         (select count(*)::int from entitlement_keys k where k.entitlement_id = e.id) as key_count,
         coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'targetKind', a.target_kind, 'target', a.target, 'createdAt', a.created_at)
                                    order by a.created_at, a.id)
                     from entitlement_allocations a where a.entitlement_id = e.id), '[]'::jsonb) as allocations,
         (select x->>'used' from licence_positions p, jsonb_array_elements(p.entitlements) x
           where p.product_id = e.product_id and x->>'entitlementId' = e.id::text) as used,
         e.created_at, e.updated_at, count(*) over ()::int as total
    from entitlements e join catalogue_products c on c.id = e.product_id`;

export async function getEntitlement(db: Queryable, id: string): Promise<Entitlement | undefined> {
  const { rows } = await db.query<ListedRow>(`${LIST_SQL} where e.id = $1`, [id]);
  return rows[0] && toEntitlement(rows[0]);
}

export async function listEntitlements(db: Queryable, q: { productId?: string; vendor?: string; limit: number; offset: number }) {
  const { rows } = await db.query<ListedRow>(
    `${LIST_SQL}
      where ($1::text is null or e.product_id = $1) and ($2::text is null or lower(e.vendor) = lower($2) or lower(c.publisher) = lower($2))
      order by lower(c.publisher), lower(c.name), e.created_at, e.id limit $3 offset $4`,
    [q.productId ?? null, q.vendor ?? null, q.limit, q.offset],
  );
  return { items: rows.map(toEntitlement), total: rows[0]?.total ?? 0 };
}
