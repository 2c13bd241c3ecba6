import { parse } from 'csv-parse/sync';
import { ApiProblem } from '../../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Text of an uploaded file: UTF-8 (BOM dropped), else Windows-1252 as spreadsheet programs often save. */
export function decodeCsv(bytes: Buffer | string): string {
  if (typeof bytes === 'string') return bytes.replace(/^\uFEFF/, '');
  try {
    return strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return windows1252.decode(bytes);
  }
}

/** The separator of the header line: comma, semicolon (European spreadsheets) or tab. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface CsvTable {
  headers: string[];
  /** Data rows; rows[i] is spreadsheet row i + 2 (the header is row 1). */
  rows: string[][];
}

export function readCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, bom: true,
    }) as string[][];
  } catch (error) {
    const message = (error as Error).message;
    throw new ApiProblem(400, 'invalid_csv', `csv: ${message}`, [`csv: ${message}`]);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.every((h) => !h)) throw new ApiProblem(400, 'invalid_csv', 'csv: the file has no header row', ['csv: no header row']);
  return { headers, rows };
}
