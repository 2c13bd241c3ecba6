import { reportParams } from '@steward/shared';
import { utilisationRows } from '../store/alerts/reports/utilisation-rows.js';
import { percent, type ReportDefinition } from './report-definition.js';

/** Deployed, idle, in stock and in repair, by category and department. */
export const utilisationReport: ReportDefinition<typeof reportParams.utilisation> = {
  title: 'Asset utilisation',
  params: reportParams.utilisation,
  async build(db, params, now) {
    const rows = await utilisationRows(db, new Date(now.getTime() - params.idleDays * 86_400_000));
    const sum = (key: 'total' | 'deployed' | 'idle' | 'in_stock' | 'in_repair') => rows.reduce((n, r) => n + r[key], 0);
    return {
      columns: [
        { key: 'category', header: 'Category', kind: 'text' },
        { key: 'department', header: 'Department', kind: 'text' },
        { key: 'total', header: 'Assets', kind: 'number' },
        { key: 'deployed', header: 'Deployed', kind: 'number' },
        { key: 'idle', header: `Idle (${params.idleDays}+ days)`, kind: 'number' },
        { key: 'inStock', header: 'In stock', kind: 'number' },
        { key: 'inRepair', header: 'In repair', kind: 'number' },
        { key: 'utilisation', header: 'Utilisation %', kind: 'percent' },
      ],
      rows: rows.map((r) => ({
        category: r.category, department: r.department ?? '(none)', total: r.total, deployed: r.deployed, idle: r.idle,
        inStock: r.in_stock, inRepair: r.in_repair, utilisation: percent(r.deployed, r.total),
      })),
      summary: [
        { label: 'assets', value: sum('total') },
        { label: 'deployed', value: sum('deployed') },
        { label: 'idle', value: sum('idle') },
        { label: 'in stock', value: sum('in_stock') },
        { label: 'in repair', value: sum('in_repair') },
        { label: 'utilisation %', value: percent(sum('deployed'), sum('total')) },
      ],
    };
  },
};
