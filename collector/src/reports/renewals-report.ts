import { reportParams } from '@steward/shared';
import { addDays, daysBetween, isoDay } from '../alerts/rules/calendar-days.js';
import { renewalRows } from '../store/alerts/reports/renewal-rows.js';
import { missingTables } from '../store/alerts/sources/table-presence.js';
import { totalsByCurrency, type ReportDefinition } from './report-definition.js';

/** Contracts, lapsing items, warranties and licence terms ending in the next N days. */
export const renewalsReport: ReportDefinition<typeof reportParams.renewals> = {
  title: 'Upcoming renewals',
  params: reportParams.renewals,
  async build(db, params, now) {
    const today = isoDay(now);
    const withEntitlements = (await missingTables(db, ['entitlements', 'catalogue_products'])).length === 0;
    const rows = await renewalRows(db, today, addDays(today, params.days), withEntitlements);
    return {
      columns: [
        { key: 'dueOn', header: 'Ends', kind: 'date' },
        { key: 'daysLeft', header: 'Days left', kind: 'number' },
        { key: 'type', header: 'What', kind: 'text' },
        { key: 'name', header: 'Name', kind: 'text' },
        { key: 'reference', header: 'Reference', kind: 'text' },
        { key: 'vendor', header: 'Vendor', kind: 'text' },
        { key: 'noticeBy', header: 'Notice by', kind: 'date' },
        { key: 'autoRenew', header: 'Renews itself', kind: 'text' },
        { key: 'cost', header: 'Cost', kind: 'money' },
        { key: 'currency', header: 'Currency', kind: 'text' },
      ],
      rows: rows.map((r) => ({
        dueOn: r.due_on, daysLeft: daysBetween(today, r.due_on), type: r.type, name: r.name, reference: r.reference, vendor: r.vendor,
        noticeBy: r.notice_by, autoRenew: r.auto_renew === null ? null : r.auto_renew ? 'yes' : 'no', cost: r.cost, currency: r.currency,
      })),
      summary: [{ label: `ending in ${params.days} days`, value: rows.length }, ...totalsByCurrency(rows, (r) => r.currency, (r) => r.cost)],
    };
  },
};
