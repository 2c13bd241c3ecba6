import type { LicenceMetric } from '@steward/shared';
import type { EntitlementTerms, ProductTerms } from '../../reconcile/licence/terms.js';
import type { Queryable } from '../database.js';

interface TermsRow {
  id: string;
  product_id: string;
  metric: LicenceMetric;
  quantity: number | null;
  release_key: string | null;
  downgrade_rights: boolean;
  editions: string[] | null;
  min_cores_per_processor: number | null;
  min_cores_per_device: number | null;
  term_start: string | null;
  term_end: string | null;
  unit_cost: string | null;
  currency: string;
  allocated: boolean;
  created_at: string;
}

/** Entitlements of the given products, with what the allocation needs, grouped by product. */
export async function entitlementTerms(db: Queryable, productIds: string[]): Promise<Map<string, EntitlementTerms[]>> {
  const { rows } = await db.query<TermsRow>(
    `select e.id, e.product_id, e.metric, e.quantity, e.release_key, e.downgrade_rights,
            (select array_agg(lower(x)) from unnest(e.editions) x) as editions,
            e.min_cores_per_processor, e.min_cores_per_device, e.term_start::text, e.term_end::text, e.unit_cost::text, e.currency,
            exists (select 1 from entitlement_allocations a where a.entitlement_id = e.id) as allocated,
            to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at
       from entitlements e where e.product_id = any($1::text[])`,
    [productIds],
  );
  const byProduct = new Map<string, EntitlementTerms[]>();
  for (const r of rows) {
    const list = byProduct.get(r.product_id) ?? [];
    list.push({
      id: r.id, metric: r.metric, quantity: r.metric === 'site' ? null : r.quantity, releaseKey: r.release_key,
      downgradeRights: r.downgrade_rights, editions: r.editions, minCoresPerProcessor: r.min_cores_per_processor,
      minCoresPerDevice: r.min_cores_per_device, termStart: r.term_start, termEnd: r.term_end,
      unitCost: r.unit_cost === null ? null : Number(r.unit_cost), currency: r.currency, allocated: r.allocated, createdAt: r.created_at,
    });
    byProduct.set(r.product_id, list);
  }
  return byProduct;
}

export async function productTerms(db: Queryable, productIds: string[]): Promise<Map<string, ProductTerms>> {
  const { rows } = await db.query<{
    id: string; default_metric: LicenceMetric; min_cores_per_processor: number | null; min_cores_per_device: number | null;
    list_price: string | null; organisation_price: string | null; organisation_currency: string | null;
  }>(
    `select id, default_metric, min_cores_per_processor, min_cores_per_device, list_price, organisation_price, organisation_currency
       from catalogue_products where id = any($1::text[])`,
    [productIds],
  );
  return new Map(rows.map((r) => [r.id, {
    id: r.id, defaultMetric: r.default_metric, minCoresPerProcessor: r.min_cores_per_processor,
    minCoresPerDevice: r.min_cores_per_device, listPrice: r.list_price === null ? null : Number(r.list_price),
    organisationPrice: r.organisation_price === null ? null : Number(r.organisation_price),
    organisationCurrency: r.organisation_currency,
  }]));
}
