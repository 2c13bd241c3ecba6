/**
 * CSV for spreadsheets. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
 * prefixed with a quote, so exported data can never run in the reader's spreadsheet.
 */
export function spreadsheetSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv<T>(rows: T[], columns: Array<{ header: string; value: (row: T) => unknown }>): string {
  const lines = [columns.map((c) => quote(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(spreadsheetSafe(c.value(row)))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
