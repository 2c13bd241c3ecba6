import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../services/csv.js';
import type { ReportDocument } from './report-table.js';

/** A cell as a spreadsheet should read it: numbers as numbers, text that could be a formula defused. */
function cell(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'number' ? value : spreadsheetSafe(value);
}

/** The report as CSV: its heading, key figures, then each table after a blank line and its title. */
export function renderCsv(doc: ReportDocument): string {
  const rows: Array<Array<string | number>> = [[cell(doc.title)], [cell(doc.subtitle)], []];
  for (const [label, value] of doc.figures) rows.push([cell(label), cell(value)]);
  for (const table of doc.tables) {
    rows.push([], [cell(table.title)], table.columns.map((c) => cell(c.header)));
    for (const row of table.rows) rows.push(row.map(cell));
  }
  return stringify(rows, { record_delimiter: '\r\n' });
}
