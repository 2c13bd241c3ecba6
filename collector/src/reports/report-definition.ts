import type { ReportResult } from '@steward/shared';
import type { z } from 'zod';
import type { Queryable } from '../store/database.js';

export type ReportBody = Pick<ReportResult, 'columns' | 'rows' | 'summary'>;

export interface ReportDefinition<S extends z.ZodType = z.ZodType> {
  title: string;
  params: S;
  build(db: Queryable, params: z.infer<S>, now: Date): Promise<ReportBody>;
}

export const cents = (n: number) => Math.round(n * 100) / 100;

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Sums amounts per currency: money in different currencies is never added together. */
export function totalsByCurrency<T>(rows: T[], currency: (r: T) => string | null, amount: (r: T) => number | null): Array<{ label: string; value: number }> {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const value = amount(r);
    if (value === null) continue;
    const key = currency(r) ?? '(no currency)';
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => ({ label: `total ${c}`, value: cents(v) }));
}
