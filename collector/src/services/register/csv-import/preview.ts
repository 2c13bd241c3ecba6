import { randomUUID } from 'node:crypto';
import type { ImportField, ImportPreview } from '@steward/shared';
import type { Database } from '../../../store/database.js';
import { findTakenTags } from '../../../store/register/assets.js';
import { readImportReferences } from '../../../store/register/import-references.js';
import { getImport, insertImport } from '../../../store/register/imports.js';
import { ApiProblem } from '../../errors.js';
import type { Actor } from '../actor.js';
import { checkImportRows, type CheckedImport, type ImportedAsset } from './check-rows.js';
import { planColumns } from './columns.js';
import { readCsv } from './read-csv.js';
import { ReferenceIndex } from './reference-index.js';

export const MAX_IMPORT_ROWS = 100_000;
/** The preview lists this many errors at most; the count of rows in error is always exact. */
const MAX_ERRORS_SHOWN = 2_000;

export interface StoredCheck extends Omit<CheckedImport, 'assets'> {
  /** Gone once the import is settled. */
  assets?: ImportedAsset[];
  columns: Record<string, string>;
}

/** What stays of a settled import: its report, without the rows. */
export function settledCheck(check: StoredCheck): string {
  const { assets: _rows, ...report } = check;
  return JSON.stringify(report);
}

function sampleOf(assets: ImportedAsset[]): Array<Record<string, unknown>> {
  return assets.slice(0, 20).map(({ row, tag, name, status, serial, model, location, assignee, purchaseDate, purchaseCost }) => ({
    row, tag, name, status, serial, model: model?.name ?? null, location: location?.join(' / ') ?? null,
    assignee: assignee?.name ?? assignee?.email ?? assignee?.username ?? null, purchaseDate, purchaseCost,
  }));
}

export function previewAnswer(id: string, fileName: string | null, totalRows: number, check: StoredCheck): ImportPreview {
  return {
    importId: id, fileName, totalRows, validRows: totalRows - check.errorRows, errorRows: check.errorRows,
    errors: check.errors.slice(0, MAX_ERRORS_SHOWN), columns: check.columns, ignoredColumns: check.ignoredColumns,
    willCreate: check.willCreate, sample: sampleOf(check.assets ?? []),
  };
}

/**
 * Reads and checks a CSV file of assets without changing the register: the answer names every row
 * and column in error, and what the import would create. The checked rows wait under the import id.
 */
export async function previewImport(
  db: Database, actor: Actor, csvText: string, fileName: string | null, chosen: Record<string, ImportField | ''> = {},
): Promise<ImportPreview> {
  const table = readCsv(csvText);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw new ApiProblem(413, 'too_many_rows', `csv: ${table.rows.length} rows; split the file into parts of at most ${MAX_IMPORT_ROWS}`);
  }
  const plan = planColumns(table.headers, chosen);
  const tagColumn = [...plan.fields].find(([, f]) => f === 'tag')?.[0];
  const tags = tagColumn === undefined ? [] : table.rows.map((r) => r[tagColumn] ?? '').filter(Boolean);
  const [refs, takenTags] = await Promise.all([readImportReferences(db), findTakenTags(db, tags)]);
  const checked = checkImportRows(table.rows, { headers: table.headers, plan, refs: new ReferenceIndex(refs), takenTags });
  const columns = Object.fromEntries([...plan.fields].map(([index, field]) => [table.headers[index]!, field]));
  const stored: StoredCheck = { ...checked, columns };
  const id = randomUUID();
  await insertImport(db, { id, fileName, createdBy: actor.username, checked: JSON.stringify(stored), errorRows: checked.errorRows, totalRows: table.rows.length });
  return previewAnswer(id, fileName, table.rows.length, stored);
}

export async function readImportPreview(db: Database, id: string): Promise<ImportPreview & { state: string; imported: number | null }> {
  const stored = await getImport(db, id);
  if (!stored) throw new ApiProblem(404, 'not_found', `no import with id ${id}`);
  const check = JSON.parse(stored.checked) as StoredCheck;
  return { ...previewAnswer(id, stored.fileName, stored.totalRows, check), state: stored.state, imported: stored.imported };
}
