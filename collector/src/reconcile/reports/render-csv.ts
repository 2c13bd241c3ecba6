import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../services/csv.js';
import { zipFiles } from '../../services/zip.js';
import type { ReportDocument } from './report-table.js';

/** A cell as a spreadsheet should read it: numbers as numbers, text that could be a formula defused. */
function cell(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'number' ? value : spreadsheetSafe(value);
}

/** The flat tables a report can be downloaded as, in the order it shows them. */
export function tableKeys(doc: ReportDocument): string[] {
  return [...new Set(doc.tables.map((t) => t.key))];
}

/**
 * One of the report's tables as CSV a spreadsheet pivots straight away: a single header row, then
 * one row per record; tables sharing the key (a vendor's positions, a kind of finding) are one table.
 */
export function renderCsvTable(doc: ReportDocument, key: string): string {
  const parts = doc.tables.filter((t) => t.key === key);
  if (parts.length === 0) throw new Error(`the report has no ${key} table`);
  const rows = [parts[0]!.columns.map((c) => cell(c.header)), ...parts.flatMap((t) => t.rows.map((row) => row.map(cell)))];
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}

/** Every table of the report as its own CSV file, in one zip. */
export function renderCsvZip(doc: ReportDocument, stem: string): Buffer {
  return zipFiles(tableKeys(doc).map((key) => ({ name: `${stem}-${key}.csv`, content: Buffer.from(renderCsvTable(doc, key), 'utf8') })));
}
