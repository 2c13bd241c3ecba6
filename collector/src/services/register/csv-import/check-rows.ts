import type { AssetStatus, CustomFieldDefinition, ImportRowError } from '@steward/shared';
import { checkCustomFields } from '../custom-fields.js';
import { addMonths } from '../depreciation.js';
import { CURRENCY, parseAmount, parseDate, parseStatus, parseWholeNumber, type Parsed } from './cells.js';
import { normaliseHeader, type ColumnPlan, type ImportField } from './columns.js';
import { splitPath, type PersonKey, type ReferenceIndex } from './reference-index.js';

/** One good row, normalised; referenced objects stay as names until the import is committed. */
export interface ImportedAsset {
  row: number;
  tag: string | null;
  name: string;
  categoryId: string;
  status: AssetStatus;
  serial: string | null;
  purchaseDate: string | null;
  purchaseCost: number | null;
  currency: string | null;
  orderNumber: string | null;
  invoiceNumber: string | null;
  warrantyExpires: string | null;
  expiresOn: string | null;
  eolDate: string | null;
  notes: string | null;
  customFields: Record<string, string | number | boolean>;
  model: { name: string; number: string | null; manufacturer: string | null } | null;
  location: string[] | null;
  supplier: string | null;
  department: string | null;
  assignee: PersonKey | null;
}

export interface WillCreate {
  manufacturers: string[];
  models: string[];
  locations: string[];
  vendors: string[];
  departments: string[];
  people: string[];
}

export interface CheckedImport {
  assets: ImportedAsset[];
  errors: ImportRowError[];
  errorRows: number;
  willCreate: WillCreate;
  /** Columns used by no row, neither as an asset field nor as a custom field. */
  ignoredColumns: string[];
}

const LIMITS: Partial<Record<ImportField, number>> = {
  tag: 64, name: 256, serial: 128, orderNumber: 128, invoiceNumber: 128, notes: 8000, model: 256, modelNumber: 128,
  manufacturer: 256, supplier: 256, department: 256, location: 1000, defaultLocation: 1000, assigneeName: 256,
};
const CAN_BE_HANDED_OUT = new Set<AssetStatus>(['in_stock', 'deployed', 'received']);

/** Reads one row's cells into fields, collecting every problem with the column it came from. */
class RowReader {
  readonly errors: ImportRowError[] = [];
  constructor(readonly row: number, private readonly cells: Map<ImportField, { value: string; header: string }>) {}

  text(field: ImportField): string | null {
    const cell = this.cells.get(field);
    if (!cell?.value) return null;
    const limit = LIMITS[field] ?? 256;
    if (cell.value.length > limit || cell.value.includes('\u0000')) {
      this.fail(cell.header, cell.value.length > limit ? `longer than ${limit} characters` : 'contains a NUL character');
      return null;
    }
    return cell.value;
  }

  parsed<T>(field: ImportField, parse: (cell: string) => Parsed<T>): T | null {
    const cell = this.cells.get(field);
    if (!cell?.value) return null;
    const result = parse(cell.value);
    if ('error' in result) {
      this.fail(cell.header, result.error);
      return null;
    }
    return result.value;
  }

  header(field: ImportField): string {
    return this.cells.get(field)?.header ?? field;
  }

  fail(field: string, message: string): void {
    this.errors.push({ row: this.row, field, message });
  }
}

export interface CheckContext {
  headers: string[];
  plan: ColumnPlan;
  refs: ReferenceIndex;
  /** Tags already in the register (lower case). */
  takenTags: Set<string>;
}

function customFieldValues(definitions: CustomFieldDefinition[], cells: string[], ctx: CheckContext, used: Set<number>) {
  const values: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [index, normalised] of ctx.plan.others) {
    const definition = definitions.find((d) => normaliseHeader(d.key) === normalised || normaliseHeader(d.label) === normalised);
    if (!definition) continue;
    used.add(index);
    headers[definition.key] = ctx.headers[index]!;
    if (cells[index]) values[definition.key] = cells[index]!;
  }
  return { values, headers };
}

function checkRow(cells: string[], row: number, ctx: CheckContext, seenTags: Map<string, number>, used: Set<number>) {
  const byField = new Map<ImportField, { value: string; header: string }>();
  for (const [index, field] of ctx.plan.fields) byField.set(field, { value: cells[index] ?? '', header: ctx.headers[index]! });
  const r = new RowReader(row, byField);

  const tag = r.text('tag');
  if (tag) {
    const first = seenTags.get(tag.toLowerCase());
    if (first) r.fail(r.header('tag'), `${tag} is also on row ${first} of this file`);
    else if (ctx.takenTags.has(tag.toLowerCase())) r.fail(r.header('tag'), `${tag} is already in the register`);
    else seenTags.set(tag.toLowerCase(), row);
  }
  const modelName = r.text('model');
  const manufacturer = r.text('manufacturer');
  const existingModel = modelName ? ctx.refs.model(modelName, manufacturer ?? undefined) : undefined;
  const categoryCell = r.text('category');
  let categoryId: string | null = null;
  if (categoryCell) {
    const found = ctx.refs.category(categoryCell);
    if ('error' in found) r.fail(r.header('category'), found.error);
    else categoryId = found.id;
  } else if (existingModel) categoryId = ctx.refs.modelCategory(existingModel) ?? null;
  else r.fail(r.header('category'), 'is required (or a model already in the register)');

  const name = r.text('name') ?? modelName ?? tag;
  if (!name) r.fail(r.header('name'), 'is required (or a model or tag to name the asset by)');
  const assignee: PersonKey = {
    name: r.text('assigneeName') ?? undefined, email: r.text('assigneeEmail') ?? undefined,
    username: r.text('assigneeUsername') ?? undefined, employeeNumber: r.text('assigneeEmployeeNumber') ?? undefined,
  };
  const hasAssignee = Boolean(assignee.name || assignee.email || assignee.username || assignee.employeeNumber);
  if (hasAssignee && ctx.refs.person(assignee) && 'ambiguous' in ctx.refs.person(assignee)!) {
    r.fail(r.header('assigneeName'), 'matches several people; add an e-mail or username column');
  }
  let status = r.parsed('status', parseStatus) ?? (hasAssignee ? 'deployed' : 'in_stock');
  if (hasAssignee) {
    if (CAN_BE_HANDED_OUT.has(status)) status = 'deployed';
    else r.fail(r.header('status'), `a ${status} asset cannot be checked out to ${assignee.name ?? assignee.email ?? assignee.username}`);
  }
  const currency = r.text('currency')?.toUpperCase() ?? null;
  if (currency && !CURRENCY.test(currency)) r.fail(r.header('currency'), `"${currency}" is not a currency code such as EUR`);
  const purchaseDate = r.parsed('purchaseDate', parseDate);
  const warrantyMonths = r.parsed('warrantyMonths', parseWholeNumber);
  const warrantyExpires = r.parsed('warrantyExpires', parseDate)
    ?? (warrantyMonths && purchaseDate ? addMonths(purchaseDate, warrantyMonths) : null);
  const location = r.text('location') ?? r.text('defaultLocation');

  let customFields: Record<string, string | number | boolean> = {};
  if (categoryId) {
    const { values, headers } = customFieldValues(ctx.refs.categoryFields(categoryId), cells, ctx, used);
    const checked = checkCustomFields(ctx.refs.categoryFields(categoryId), values);
    for (const issue of checked.issues) {
      const key = issue.field.replace(/^customFields\./, '');
      r.fail(headers[key] ?? issue.field, issue.message);
    }
    customFields = checked.values;
  }
  const asset: ImportedAsset = {
    row, tag, name: name ?? '', categoryId: categoryId ?? '', status,
    serial: r.text('serial'), purchaseDate, purchaseCost: r.parsed('purchaseCost', parseAmount), currency,
    orderNumber: r.text('orderNumber'), invoiceNumber: r.text('invoiceNumber'), warrantyExpires,
    expiresOn: r.parsed('expiresOn', parseDate), eolDate: r.parsed('eolDate', parseDate), notes: r.text('notes'), customFields,
    model: modelName ? { name: modelName, number: r.text('modelNumber'), manufacturer } : null,
    location: location ? splitPath(location) : null,
    supplier: r.text('supplier'), department: r.text('department'), assignee: hasAssignee ? assignee : null,
  };
  return { asset, errors: r.errors };
}

function plannedCreations(assets: ImportedAsset[], refs: ReferenceIndex): WillCreate {
  const sets = {
    manufacturers: new Set<string>(), models: new Set<string>(), locations: new Set<string>(), vendors: new Set<string>(),
    departments: new Set<string>(), people: new Set<string>(),
  };
  for (const a of assets) {
    if (a.model?.manufacturer && !refs.find('manufacturers', a.model.manufacturer)) sets.manufacturers.add(a.model.manufacturer);
    if (a.model && !refs.model(a.model.name, a.model.manufacturer ?? undefined)) sets.models.add(a.model.name);
    if (a.location && !refs.location(a.location)) sets.locations.add(a.location.join(' / '));
    if (a.supplier && !refs.find('vendors', a.supplier)) sets.vendors.add(a.supplier);
    if (a.department && !refs.find('departments', a.department)) sets.departments.add(a.department);
    if (a.assignee && !refs.person(a.assignee)) sets.people.add(a.assignee.name ?? a.assignee.email ?? a.assignee.username ?? '');
  }
  const sorted = (s: Set<string>) => [...s].sort((x, y) => x.localeCompare(y));
  return {
    manufacturers: sorted(sets.manufacturers), models: sorted(sets.models), locations: sorted(sets.locations),
    vendors: sorted(sets.vendors), departments: sorted(sets.departments), people: sorted(sets.people),
  };
}

/** Checks every row of a CSV table; a row with any error is left out of `assets` and named in `errors`. */
export function checkImportRows(rows: string[][], ctx: CheckContext): CheckedImport {
  const seenTags = new Map<string, number>();
  const used = new Set<number>(ctx.plan.fields.keys());
  const assets: ImportedAsset[] = [];
  const errors: ImportRowError[] = [];
  let errorRows = 0;
  rows.forEach((cells, index) => {
    const checked = checkRow(cells, index + 2, ctx, seenTags, used);
    if (checked.errors.length) {
      errorRows += 1;
      errors.push(...checked.errors);
    } else assets.push(checked.asset);
  });
  const ignoredColumns = ctx.headers.filter((h, i) => h.trim() && !used.has(i));
  return { assets, errors, errorRows, willCreate: plannedCreations(assets, ctx.refs), ignoredColumns };
}
