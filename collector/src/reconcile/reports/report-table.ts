/** A table as every report format draws it: headed columns of plain values. */
export interface ReportTable {
  /** What the table is called in a `table=` CSV download; tables sharing a key are one flat table there. */
  key: string;
  title: string;
  columns: Array<{ header: string; width: number; align?: 'left' | 'right' }>;
  rows: Array<Array<string | number | null>>;
}

/** A section of plain statements, such as the rules a report applied. */
export interface ReportSection {
  title: string;
  lines: string[];
}

/**
 * A report: a title, what it covers (the organisation, the period, the moment of the data), key
 * figures, tables, statements, and a block for those who sign it off.
 */
export interface ReportDocument {
  title: string;
  /** Left out when the organisation has no name set. */
  organisation?: string;
  /** Labelled facts of the heading: the period, the moment of the data, when it was generated. */
  facts: Array<[string, string]>;
  figures: Array<[string, string]>;
  tables: ReportTable[];
  sections?: ReportSection[];
  note?: string;
  /** The roles that sign the report off, each with name, role, date and signature lines. */
  signOff?: string[];
}

/** What each signatory of a report fills in. */
export const SIGN_OFF_LINES = ['Name', 'Role', 'Date', 'Signature'];

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

/** The heading line of a report as one string: its facts in order. */
export function factsLine(doc: Pick<ReportDocument, 'facts'>): string {
  return doc.facts.map(([label, value]) => `${label}: ${value}`).join(' · ');
}
