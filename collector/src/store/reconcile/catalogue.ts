import type { CatalogueProduct, LicenceMetric, NormalisationRule, NormalisationRuleFields } from '@steward/shared';
import type { Queryable } from '../database.js';

interface ProductRow {
  id: string;
  publisher: string;
  name: string;
  licence: CatalogueProduct['licence'];
  default_metric: LicenceMetric;
  releases: string[] | null;
  min_cores_per_processor: number | null;
  min_cores_per_device: number | null;
  list_price: string | null;
  origin: 'shipped' | 'user';
}

function toProduct(r: ProductRow): CatalogueProduct {
  return {
    id: r.id, publisher: r.publisher, name: r.name, licence: r.licence, defaultMetric: r.default_metric,
    releases: r.releases ?? undefined,
    minCoresPerProcessor: r.min_cores_per_processor ?? undefined,
    minCoresPerDevice: r.min_cores_per_device ?? undefined,
    listPrice: r.list_price === null ? undefined : Number(r.list_price),
    origin: r.origin,
  };
}

const PRODUCT_COLUMNS = 'id, publisher, name, licence, default_metric, releases, min_cores_per_processor, min_cores_per_device, list_price, origin';

export async function listProducts(db: Queryable, filter: { search?: string; licence?: string } = {}): Promise<CatalogueProduct[]> {
  const { rows } = await db.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from catalogue_products
      where ($1::text is null or lower(publisher || ' ' || name || ' ' || id) like '%' || lower($1) || '%')
        and ($2::text is null or licence = $2)
      order by lower(publisher), lower(name)`,
    [filter.search ?? null, filter.licence ?? null],
  );
  return rows.map(toProduct);
}

export async function getProduct(db: Queryable, id: string): Promise<CatalogueProduct | undefined> {
  const { rows } = await db.query<ProductRow>(`select ${PRODUCT_COLUMNS} from catalogue_products where id = $1`, [id]);
  return rows[0] && toProduct(rows[0]);
}

/** Inserts or replaces a product; `onlyShipped` leaves a product a person has taken over alone. */
export async function upsertProducts(db: Queryable, products: CatalogueProduct[], options: { onlyShipped?: boolean } = {}): Promise<void> {
  if (products.length === 0) return;
  await db.query(
    `insert into catalogue_products (${PRODUCT_COLUMNS}, updated_at)
     select id, publisher, name, licence, default_metric, releases, min_cores_per_processor, min_cores_per_device, list_price, origin, now()
       from json_to_recordset($1::json) as p(id text, publisher text, name text, licence text, default_metric text, releases text[],
            min_cores_per_processor integer, min_cores_per_device integer, list_price numeric, origin text)
     on conflict (id) do update set publisher = excluded.publisher, name = excluded.name, licence = excluded.licence,
       default_metric = excluded.default_metric, releases = excluded.releases,
       min_cores_per_processor = excluded.min_cores_per_processor, min_cores_per_device = excluded.min_cores_per_device,
       list_price = excluded.list_price, origin = excluded.origin, updated_at = now()
     where not $2 or catalogue_products.origin = 'shipped'`,
    [JSON.stringify(products.map((p) => ({
      id: p.id, publisher: p.publisher, name: p.name, licence: p.licence, default_metric: p.defaultMetric ?? 'device',
      releases: p.releases ?? null,
      min_cores_per_processor: p.minCoresPerProcessor ?? null, min_cores_per_device: p.minCoresPerDevice ?? null,
      list_price: p.listPrice ?? null, origin: p.origin,
    }))), options.onlyShipped ?? false],
  );
}

export async function deleteProduct(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from catalogue_products where id = $1', [id]);
  return rowCount === 1;
}

export async function productHasEntitlements(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from entitlements where product_id = $1 limit 1', [id]);
  return rows.length > 0;
}

interface RuleRow {
  id: string;
  position: number;
  origin: NormalisationRule['origin'];
  definition: NormalisationRuleFields;
}

const toRule = (r: RuleRow): NormalisationRule => ({ ...r.definition, id: r.id, position: Number(r.position), origin: r.origin });

export async function listRules(db: Queryable): Promise<NormalisationRule[]> {
  const { rows } = await db.query<RuleRow>('select id, position, origin, definition from normalisation_rules order by position, id');
  return rows.map(toRule);
}

export async function getRule(db: Queryable, id: string): Promise<NormalisationRule | undefined> {
  const { rows } = await db.query<RuleRow>('select id, position, origin, definition from normalisation_rules where id = $1', [id]);
  return rows[0] && toRule(rows[0]);
}

/** Writes rules; `onlyShipped` leaves rules a person changed alone. */
export async function upsertRules(db: Queryable, rules: NormalisationRule[], options: { onlyShipped?: boolean } = {}): Promise<void> {
  if (rules.length === 0) return;
  await db.query(
    `insert into normalisation_rules (id, position, origin, definition, updated_at)
     select id, position, origin, definition, now()
       from json_to_recordset($1::json) as r(id text, position double precision, origin text, definition jsonb)
     on conflict (id) do update set position = excluded.position, origin = excluded.origin, definition = excluded.definition, updated_at = now()
     where not $2 or normalisation_rules.origin = 'shipped'`,
    [JSON.stringify(rules.map(({ id, position, origin, ...definition }) => ({ id, position, origin, definition }))), options.onlyShipped ?? false],
  );
}

export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from normalisation_rules where id = $1', [id]);
  return rowCount === 1;
}

/** The position just before the first catch-all default, where a person's new rule goes by default. */
export async function defaultRulePosition(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ before: number | null; last: number | null }>(
    `select (select min(position) from normalisation_rules where definition->>'kind' = 'any') as before,
            (select max(position) from normalisation_rules) as last`,
  );
  const { before, last } = rows[0] ?? { before: null, last: null };
  if (before === null) return (last ?? 0) + 10;
  const { rows: prev } = await db.query<{ p: number | null }>('select max(position) as p from normalisation_rules where position < $1', [before]);
  return ((prev[0]?.p ?? before - 10) + Number(before)) / 2;
}

export interface ProductPrice {
  listPrice: number | null;
  organisationPrice: number | null;
  organisationCurrency: string | null;
}

export async function readProductPrices(db: Queryable, ids: string[]): Promise<Map<string, ProductPrice>> {
  const { rows } = await db.query<{ id: string; list_price: string | null; organisation_price: string | null; organisation_currency: string | null }>(
    'select id, list_price::text, organisation_price::text, organisation_currency from catalogue_products where id = any($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, {
    listPrice: r.list_price === null ? null : Number(r.list_price),
    organisationPrice: r.organisation_price === null ? null : Number(r.organisation_price),
    organisationCurrency: r.organisation_currency,
  }]));
}

export async function readProductPrice(db: Queryable, id: string): Promise<ProductPrice | undefined> {
  return (await readProductPrices(db, [id])).get(id);
}

/** Sets the list price (the product becomes the organisation's, so catalogue updates keep it) or the organisation's own. */
export async function writeProductPrice(db: Queryable, id: string, source: 'list' | 'organisation', price: number | null, currency: string): Promise<void> {
  await db.query(
    source === 'list'
      ? `update catalogue_products set list_price = $2, origin = 'user', updated_at = now() where id = $1`
      : `update catalogue_products set organisation_price = $2, organisation_currency = case when $2::numeric is null then null else $3 end,
                updated_at = now() where id = $1`,
    source === 'list' ? [id, price] : [id, price, currency],
  );
}
