import type { DepreciationProfile } from '@steward/shared';
import type { Queryable } from '../database.js';

/** What valuing an asset needs: its cost and the depreciation and end-of-life rules that reach it. */
export interface ValuationRow {
  id: string;
  tag: string;
  name: string;
  status: string;
  categoryId: string;
  categoryName: string;
  departmentId: string | null;
  departmentName: string | null;
  purchaseDate: string | null;
  cost: number | null;
  currency: string | null;
  eolDate: string | null;
  assetDepreciation: DepreciationProfile | null;
  modelDepreciation: DepreciationProfile | null;
  modelName: string | null;
  modelEolMonths: number | null;
  replacementCost: number | null;
  replacementCurrency: string | null;
}

/** Statuses whose assets are owned and on the books: not yet received, gone or written off are not. */
export const ON_THE_BOOKS = ['received', 'in_stock', 'deployed', 'in_repair', 'retired'];

export async function readValuationRows(db: Queryable, filter: { ids?: string[]; statuses?: string[] } = {}): Promise<ValuationRow[]> {
  const { rows } = await db.query<ValuationRow>(
    `select a.id, a.tag, a.name, a.status, a.category_id as "categoryId", c.name as "categoryName",
            a.department_id as "departmentId", d.name as "departmentName",
            to_char(a.purchase_date, 'YYYY-MM-DD') as "purchaseDate", a.purchase_cost::float8 as cost, a.currency,
            to_char(a.eol_date, 'YYYY-MM-DD') as "eolDate", a.depreciation as "assetDepreciation",
            m.depreciation as "modelDepreciation", m.name as "modelName", m.eol_months as "modelEolMonths",
            m.replacement_cost::float8 as "replacementCost", m.currency as "replacementCurrency"
       from register_assets a
       join register_categories c on c.id = a.category_id
       left join register_models m on m.id = a.model_id
       left join register_departments d on d.id = a.department_id
      where ($1::uuid[] is null or a.id = any($1::uuid[]))
        and ($2::text[] is null or a.status = any($2::text[]))`,
    [filter.ids ?? null, filter.statuses ?? null],
  );
  return rows;
}

export interface CategoryDepreciation {
  id: string;
  parentId: string | null;
  depreciation: DepreciationProfile | null;
}

export async function readCategoryDepreciation(db: Queryable): Promise<CategoryDepreciation[]> {
  const { rows } = await db.query<CategoryDepreciation>('select id, parent_id as "parentId", depreciation from register_categories');
  return rows;
}
