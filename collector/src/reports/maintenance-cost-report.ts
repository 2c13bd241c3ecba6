import { reportParams } from '@steward/shared';
import { addMonths } from '../services/register/depreciation.js';
import { maintenanceCostRows } from '../store/alerts/reports/maintenance-cost-rows.js';
import { cents, totalsByCurrency, type ReportDefinition } from './report-definition.js';

/** What completed maintenance cost, by asset, category or period; the last twelve months unless told. */
export const maintenanceCostReport: ReportDefinition<typeof reportParams['maintenance-costs']> = {
  title: 'Maintenance costs',
  params: reportParams['maintenance-costs'],
  async build(db, params, now) {
    const to = params.to ?? now.toISOString().slice(0, 10);
    const from = params.from ?? addMonths(to, -12);
    const rows = await maintenanceCostRows(db, from, to, params.groupBy, params.period);
    const first = { asset: 'Asset', category: 'Category', period: params.period === 'month' ? 'Month' : params.period === 'quarter' ? 'Quarter' : 'Year' }[params.groupBy];
    return {
      columns: [
        { key: 'group', header: first, kind: 'text' },
        ...(params.groupBy === 'asset' ? [{ key: 'category', header: 'Category', kind: 'text' as const }] : []),
        { key: 'orders', header: 'Work orders', kind: 'number' },
        { key: 'cost', header: 'Cost', kind: 'money' },
        { key: 'currency', header: 'Currency', kind: 'text' },
      ],
      rows: rows.map((r) => ({ group: r.label, ...(params.groupBy === 'asset' ? { category: r.category } : {}), orders: r.orders, cost: cents(r.cost), currency: r.currency })),
      summary: [
        { label: 'from', value: from },
        { label: 'to', value: to },
        { label: 'work orders', value: rows.reduce((n, r) => n + r.orders, 0) },
        ...totalsByCurrency(rows, (r) => r.currency, (r) => r.cost),
      ],
    };
  },
};
