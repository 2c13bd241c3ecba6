import type { ReportKind, ScheduledReportKind } from '@steward/shared';

/** A parameter field of a report form; empty fields take the collector's default. */
export interface ReportField {
  key: string;
  label: string;
  type: 'number' | 'date' | 'select';
  /** Shown in an empty field: the default the collector applies. */
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
}

export interface RegisterReport {
  kind: ReportKind;
  title: string;
  description: string;
  fields: readonly ReportField[];
}

/** The register and coverage reports, in the order an IT manager reaches for them. */
export const REGISTER_REPORTS: readonly RegisterReport[] = [
  {
    kind: 'cis-coverage', title: 'Inventory coverage (CIS Controls 1 and 2)',
    description: 'How much of what was discovered is registered and runs an agent, and how much installed software is unrecognised or unlicensed.',
    fields: [{ key: 'agentSilentDays', label: 'Agent counts as live within', type: 'number', placeholder: '7 days' }],
  },
  {
    kind: 'renewals', title: 'Upcoming renewals',
    description: 'Contracts, lapsing items, warranties and licence terms ending soon.',
    fields: [{ key: 'days', label: 'Ending within', type: 'number', placeholder: '90 days' }],
  },
  {
    kind: 'utilisation', title: 'Asset utilisation',
    description: 'Deployed, idle, in stock and in repair, by category and department.',
    fields: [{ key: 'idleDays', label: 'Idle after', type: 'number', placeholder: '30 days' }],
  },
  {
    kind: 'depreciation', title: 'Depreciation schedule and book value',
    description: 'Book value on a date and at each of the next year ends, for every depreciating asset on the books.',
    fields: [
      { key: 'at', label: 'Book value on', type: 'date' },
      { key: 'years', label: 'Year ends shown', type: 'number', placeholder: '5' },
    ],
  },
  {
    kind: 'replacement-plan', title: 'End of life and replacement plan',
    description: 'What reaches end of life in the coming months and what replacing it costs, by quarter.',
    fields: [{ key: 'months', label: 'Months ahead', type: 'number', placeholder: '12' }],
  },
  {
    kind: 'maintenance-costs', title: 'Maintenance costs',
    description: 'What completed maintenance cost, by asset, category or period; the last twelve months unless told.',
    fields: [
      { key: 'from', label: 'From', type: 'date' },
      { key: 'to', label: 'To', type: 'date' },
      { key: 'groupBy', label: 'By', type: 'select', options: [{ value: 'category', label: 'Category' }, { value: 'asset', label: 'Asset' }, { value: 'period', label: 'Period' }] },
      { key: 'period', label: 'Period', type: 'select', options: [{ value: 'month', label: 'Month' }, { value: 'quarter', label: 'Quarter' }, { value: 'year', label: 'Year' }] },
    ],
  },
];

/** Every report that can be mailed on a schedule: the reconciliation reports, then the register ones. */
export const SCHEDULED_REPORTS: readonly { kind: ScheduledReportKind; title: string }[] = [
  { kind: 'license-reconciliation', title: 'Licence reconciliation' },
  { kind: 'device-reconciliation', title: 'Device reconciliation' },
  ...REGISTER_REPORTS,
];

export const REPORT_TITLES = Object.fromEntries(SCHEDULED_REPORTS.map((r) => [r.kind, r.title])) as Record<ScheduledReportKind, string>;
