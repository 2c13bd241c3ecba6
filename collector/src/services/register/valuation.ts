import type { z } from 'zod';
import type { BookValue, DepreciationProfile, bookValueGroup, replacementItem } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import {
  ON_THE_BOOKS, readCategoryDepreciation, readValuationRows, type CategoryDepreciation, type ValuationRow,
} from '../../store/register/valuation.js';
import { ApiProblem } from '../errors.js';
import { addMonths, valueOn } from './depreciation.js';

export const today = () => new Date().toISOString().slice(0, 10);

/** Each category's depreciation rule: its own, else the nearest ancestor's. */
function categoryRules(categories: CategoryDepreciation[]): (id: string) => DepreciationProfile | null {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return (id) => {
    for (let c = byId.get(id), depth = 0; c && depth < 32; c = c.parentId ? byId.get(c.parentId) : undefined, depth++) {
      if (c.depreciation) return c.depreciation;
    }
    return null;
  };
}

/** The rule for an asset: set on the asset, else on its model, else on its category. */
function ruleOf(row: ValuationRow, category: (id: string) => DepreciationProfile | null): DepreciationProfile | null {
  return row.assetDepreciation ?? row.modelDepreciation ?? category(row.categoryId);
}

/** End of life: set on the asset, else purchase + the model's EOL months, else the end of its useful life. */
function eolOf(row: ValuationRow, rule: DepreciationProfile | null): string | null {
  if (row.eolDate) return row.eolDate;
  if (!row.purchaseDate) return null;
  const months = row.modelEolMonths ?? rule?.usefulLifeMonths;
  return months ? addMonths(row.purchaseDate, months) : null;
}

function bookValueOf(row: ValuationRow, rule: DepreciationProfile | null, at: string): BookValue {
  const base = {
    assetId: row.id, at, cost: row.cost, currency: row.currency, eolDate: eolOf(row, rule),
    method: rule?.method ?? null, usefulLifeMonths: rule?.usefulLifeMonths ?? null,
  };
  if (row.cost === null || !row.purchaseDate) {
    return { ...base, salvageValue: null, bookValue: row.cost, accumulatedDepreciation: null, fullyDepreciatedOn: null };
  }
  if (!rule) return { ...base, salvageValue: null, bookValue: row.cost, accumulatedDepreciation: 0, fullyDepreciatedOn: null };
  return { ...base, ...valueOn(row.cost, row.purchaseDate, rule, at) };
}

export async function assetBookValue(db: Queryable, id: string, at = today()): Promise<BookValue> {
  const [row] = await readValuationRows(db, { ids: [id] });
  if (!row) throw new ApiProblem(404, 'not_found', `no asset with id ${id}`);
  const category = categoryRules(await readCategoryDepreciation(db));
  return bookValueOf(row, ruleOf(row, category), at);
}

type Group = z.infer<typeof bookValueGroup>;

/** Cost and book value of the assets on the books, by category or department and currency. */
export async function bookValueSummary(db: Queryable, at: string, groupBy: 'category' | 'department'): Promise<{ at: string; groups: Group[] }> {
  const [rows, categories] = await Promise.all([readValuationRows(db, { statuses: ON_THE_BOOKS }), readCategoryDepreciation(db)]);
  const category = categoryRules(categories);
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (row.cost === null || (row.purchaseDate && row.purchaseDate > at)) continue;
    const id = groupBy === 'category' ? row.categoryId : row.departmentId;
    const name = (groupBy === 'category' ? row.categoryName : row.departmentName) ?? '(no department)';
    const key = `${id}|${row.currency}`;
    const group = groups.get(key) ?? { id, name, currency: row.currency, assets: 0, cost: 0, bookValue: 0 };
    group.assets += 1;
    group.cost += row.cost;
    group.bookValue += bookValueOf(row, ruleOf(row, category), at).bookValue ?? 0;
    groups.set(key, group);
  }
  const rounded = [...groups.values()].map((g) => ({ ...g, cost: Math.round(g.cost * 100) / 100, bookValue: Math.round(g.bookValue * 100) / 100 }));
  return { at, groups: rounded.sort((a, b) => a.name.localeCompare(b.name) || String(a.currency).localeCompare(String(b.currency))) };
}

type ReplacementItem = z.infer<typeof replacementItem>;

/** What reaches end of life between `from` and `months` later, with what replacing it costs. */
export async function replacementPlan(db: Queryable, from: string, months: number) {
  const until = addMonths(from, months);
  const [rows, categories] = await Promise.all([
    readValuationRows(db, { statuses: ['received', 'in_stock', 'deployed', 'in_repair'] }),
    readCategoryDepreciation(db),
  ]);
  const category = categoryRules(categories);
  const items: ReplacementItem[] = [];
  for (const row of rows) {
    const eolDate = eolOf(row, ruleOf(row, category));
    if (!eolDate || eolDate > until) continue;
    items.push({
      assetId: row.id, tag: row.tag, name: row.name, modelName: row.modelName, eolDate,
      // Without a model price, the best estimate of a replacement is what the item cost.
      replacementCost: row.replacementCost ?? row.cost,
      currency: row.replacementCost !== null ? (row.replacementCurrency ?? row.currency) : row.currency,
    });
  }
  items.sort((a, b) => a.eolDate.localeCompare(b.eolDate) || a.tag.localeCompare(b.tag));
  const totals = new Map<string | null, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + (item.replacementCost ?? 0));
  return {
    from, until, items,
    totals: [...totals].map(([currency, cost]) => ({ currency, cost: Math.round(cost * 100) / 100 })),
  };
}
