import { reportParams, type DepreciationProfile } from '@steward/shared';
import { isoDay } from '../alerts/rules/calendar-days.js';
import { valueOn } from '../services/register/depreciation.js';
import { ON_THE_BOOKS, readCategoryDepreciation, readValuationRows, type CategoryDepreciation, type ValuationRow } from '../store/register/valuation.js';
import { cents, totalsByCurrency, type ReportDefinition } from './report-definition.js';

/** The depreciation rule reaching an asset: its own, its model's, else its category's or the nearest ancestor's. */
function ruleResolver(categories: CategoryDepreciation[]): (row: ValuationRow) => DepreciationProfile | null {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return (row) => {
    if (row.assetDepreciation) return row.assetDepreciation;
    if (row.modelDepreciation) return row.modelDepreciation;
    for (let c = byId.get(row.categoryId), depth = 0; c && depth < 32; c = c.parentId ? byId.get(c.parentId) : undefined, depth++) {
      if (c.depreciation) return c.depreciation;
    }
    return null;
  };
}

/** Book value on a date and at each of the next year ends, for every depreciating asset on the books. */
export const depreciationReport: ReportDefinition<typeof reportParams.depreciation> = {
  title: 'Depreciation schedule and book value',
  params: reportParams.depreciation,
  async build(db, params, now) {
    const at = params.at ?? isoDay(now);
    const year = Number(at.slice(0, 4));
    const yearEnds = Array.from({ length: params.years }, (_, i) => `${year + i}-12-31`);
    const [assets, categories] = await Promise.all([readValuationRows(db, { statuses: ON_THE_BOOKS }), readCategoryDepreciation(db)]);
    const ruleOf = ruleResolver(categories);
    const rows = [];
    for (const a of assets.sort((x, y) => x.tag.localeCompare(y.tag))) {
      const rule = ruleOf(a);
      if (a.cost === null || !a.purchaseDate || !rule || a.purchaseDate > at) continue;
      const current = valueOn(a.cost, a.purchaseDate, rule, at);
      const schedule = Object.fromEntries(yearEnds.map((end) => [`bookValue${end.slice(0, 4)}`, valueOn(a.cost!, a.purchaseDate!, rule, end).bookValue]));
      rows.push({
        tag: a.tag, name: a.name, category: a.categoryName, method: rule.method, purchaseDate: a.purchaseDate, cost: cents(a.cost), currency: a.currency,
        lifeMonths: rule.usefulLifeMonths, accumulated: current.accumulatedDepreciation, bookValue: current.bookValue, fullyDepreciatedOn: current.fullyDepreciatedOn, ...schedule,
      });
    }
    return {
      columns: [
        { key: 'tag', header: 'Tag', kind: 'text' },
        { key: 'name', header: 'Name', kind: 'text' },
        { key: 'category', header: 'Category', kind: 'text' },
        { key: 'method', header: 'Method', kind: 'text' },
        { key: 'purchaseDate', header: 'Purchased', kind: 'date' },
        { key: 'cost', header: 'Cost', kind: 'money' },
        { key: 'currency', header: 'Currency', kind: 'text' },
        { key: 'lifeMonths', header: 'Life (months)', kind: 'number' },
        { key: 'accumulated', header: `Depreciated at ${at}`, kind: 'money' },
        { key: 'bookValue', header: `Book value at ${at}`, kind: 'money' },
        { key: 'fullyDepreciatedOn', header: 'Fully depreciated', kind: 'date' },
        ...yearEnds.map((end) => ({ key: `bookValue${end.slice(0, 4)}`, header: `Value ${end}`, kind: 'money' as const })),
      ],
      rows,
      summary: [
        { label: 'at', value: at },
        { label: 'assets', value: rows.length },
        ...totalsByCurrency(rows, (r) => r.currency, (r) => r.cost).map((t) => ({ ...t, label: t.label.replace('total', 'cost') })),
        ...totalsByCurrency(rows, (r) => r.currency, (r) => r.bookValue).map((t) => ({ ...t, label: t.label.replace('total', 'book value') })),
      ],
    };
  },
};
