import { reportParams } from '@steward/shared';
import { isoDay } from '../alerts/rules/calendar-days.js';
import { replacementPlan } from '../services/register/valuation.js';
import type { ReportDefinition } from './report-definition.js';

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** What reaches end of life in the next N months and what replacing it costs, by quarter. */
export const replacementReport: ReportDefinition<typeof reportParams['replacement-plan']> = {
  title: 'End of life and replacement plan',
  params: reportParams['replacement-plan'],
  async build(db, params, now) {
    const plan = await replacementPlan(db, isoDay(now), params.months);
    return {
      columns: [
        { key: 'quarter', header: 'Quarter', kind: 'text' },
        { key: 'eolDate', header: 'End of life', kind: 'date' },
        { key: 'tag', header: 'Tag', kind: 'text' },
        { key: 'name', header: 'Name', kind: 'text' },
        { key: 'model', header: 'Model', kind: 'text' },
        { key: 'replacementCost', header: 'Replacement cost', kind: 'money' },
        { key: 'currency', header: 'Currency', kind: 'text' },
      ],
      rows: plan.items.map((i) => ({
        quarter: quarterOf(i.eolDate), eolDate: i.eolDate, tag: i.tag, name: i.name, model: i.modelName, replacementCost: i.replacementCost, currency: i.currency,
      })),
      summary: [
        { label: 'from', value: plan.from },
        { label: 'until', value: plan.until },
        { label: 'assets', value: plan.items.length },
        ...plan.totals.map((t) => ({ label: `total ${t.currency ?? '(no currency)'}`, value: t.cost })),
      ],
    };
  },
};
