import { stringify } from 'csv-stringify/sync';
import {
  assetListQuery, assignmentListQuery, categoryListQuery, contractListQuery, departmentListQuery, locationListQuery,
  manufacturerListQuery, modelListQuery, personListQuery, scheduleListQuery, vendorListQuery, workOrderListQuery, type ExportList,
} from '@steward/shared';
import type { z } from 'zod';
import type { Queryable } from '../../store/database.js';
import { assetsTable, assignmentsTable } from '../../store/register/asset-tables.js';
import { scheduleTable, workOrdersTable } from '../../store/register/maintenance-tables.js';
import { listRecords, type ListQuery, type RecordTable } from '../../store/register/record-table.js';
import {
  categoriesTable, contractsTable, departmentsTable, locationsTable, manufacturersTable, modelsTable, peopleTable, vendorsTable,
} from '../../store/register/reference-tables.js';

/** Characters that make a spreadsheet read a cell as a formula (or as a command separator). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote to text a spreadsheet would run as a formula, so an export cannot carry an attack. */
export function neutraliseFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

interface ExportSpec {
  spec: RecordTable;
  query: z.ZodType<ListQuery>;
  /** Header → field (dotted for objects); left out, every field of the items is exported. */
  columns?: Array<[string, string]>;
}

const ASSET_COLUMNS: Array<[string, string]> = [
  ['Tag', 'tag'], ['Name', 'name'], ['Category', 'categoryName'], ['Model', 'modelName'], ['Manufacturer', 'manufacturerName'],
  ['Serial', 'serial'], ['Status', 'status'], ['Location', 'locationName'], ['Assigned To', 'assignedTo.name'],
  ['Purchase Date', 'purchaseDate'], ['Purchase Cost', 'purchaseCost'], ['Currency', 'currency'], ['Order Number', 'orderNumber'],
  ['Invoice Number', 'invoiceNumber'], ['Warranty Expires', 'warrantyExpires'], ['Expires On', 'expiresOn'], ['EOL Date', 'eolDate'],
  ['Expected Return', 'expectedReturn'], ['Last Audited', 'lastAuditedAt'], ['Notes', 'notes'], ['Id', 'id'],
];

const EXPORTS: Record<ExportList, ExportSpec> = {
  assets: { spec: assetsTable, query: assetListQuery, columns: ASSET_COLUMNS },
  categories: { spec: categoriesTable, query: categoryListQuery },
  models: { spec: modelsTable, query: modelListQuery },
  manufacturers: { spec: manufacturersTable, query: manufacturerListQuery },
  vendors: { spec: vendorsTable, query: vendorListQuery },
  people: { spec: peopleTable, query: personListQuery },
  departments: { spec: departmentsTable, query: departmentListQuery },
  locations: { spec: locationsTable, query: locationListQuery },
  contracts: { spec: contractsTable, query: contractListQuery },
  assignments: { spec: assignmentsTable, query: assignmentListQuery },
  'work-orders': { spec: workOrdersTable, query: workOrderListQuery },
  'maintenance-schedules': { spec: scheduleTable, query: scheduleListQuery },
};

export function exportQuerySchema(list: ExportList): z.ZodType<ListQuery> {
  return EXPORTS[list].query;
}

const humanise = (field: string) => field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

function pick(item: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), item);
}

function cellOf(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Every row of a list (with its filters and order), as CSV a spreadsheet opens safely. */
export async function exportCsv(db: Queryable, list: ExportList, query: ListQuery, pageSize = 5_000): Promise<string> {
  const { spec, columns: fixed } = EXPORTS[list];
  const items: Array<Record<string, unknown>> = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await listRecords<Record<string, unknown>>(db, spec, { ...query, limit: pageSize, offset });
    items.push(...page.items);
    if (page.items.length < pageSize) break;
  }
  const columns = fixed ? [...fixed] : Object.keys(items[0] ?? spec.fields).map((f): [string, string] => [humanise(f), f]);
  // Custom fields of assets get a column each, headed by their key (which the import reads back).
  if (list === 'assets') {
    const keys = new Set(items.flatMap((i) => Object.keys((i.customFields as object | null) ?? {})));
    for (const key of [...keys].sort()) columns.push([key, `customFields.${key}`]);
  }
  const rows = items.map((item) => columns.map(([, path]) => neutraliseFormula(cellOf(pick(item, path)))));
  return stringify([columns.map(([header]) => header), ...rows], { bom: true });
}
