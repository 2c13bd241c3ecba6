/** A table as every report format draws it: headed columns of plain values. */
export interface ReportTable {
  title: string;
  columns: Array<{ header: string; width: number; align?: 'left' | 'right' }>;
  rows: Array<Array<string | number | null>>;
}

/** A report: a title, a line saying what it covers, key figures, then tables. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  figures: Array<[string, string]>;
  tables: ReportTable[];
  note?: string;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMoney(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, 2)}${currency ? ` ${currency}` : ''}`;
}

export function formatInstant(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}
