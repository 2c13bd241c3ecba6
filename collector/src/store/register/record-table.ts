import type { RegisterObjectType } from '@steward/shared';
import type { Queryable } from '../database.js';
import { subtreeOf, type TreeTable } from './tree.js';
import { escapeLike } from '../escape-like.js';

export type ColumnType = 'text' | 'uuid' | 'int' | 'numeric' | 'date' | 'bool' | 'jsonb' | 'timestamptz';

export interface FieldSpec {
  column: string;
  type: ColumnType;
  /** Set by the store itself (ids, timestamps, denormalised state), never from a request body. */
  readOnly?: boolean;
}

/**
 * A list filter: SQL over the table alias `t` given the placeholder of its value. `single`, when
 * given, is the same filter for a list of one value, written as an equality: the planner can then
 * read an index that starts with the column in the order of a sort that follows it.
 */
export type FilterSql = ((param: string) => string) & { single?: (param: string) => string };

/** A filter keeping rows whose column is one of the values listed. */
export function oneOf(column: string, type: 'uuid' | 'text'): FilterSql {
  return Object.assign((p: string) => `${column} = any(${p}::${type}[])`, { single: (p: string) => `${column} = ${p}::${type}` });
}

/**
 * How one register table maps to its API object: the columns behind each field, what a list may
 * be sorted and filtered by, and what joins add (names of referenced objects). The specs are the
 * only source of column names in generated SQL; request values always travel as parameters.
 */
export interface RecordTable {
  table: string;
  objectType: RegisterObjectType;
  fields: Record<string, FieldSpec>;
  /** Read-only values from `joins`, made after paging so that only one page is joined. */
  computed?: Record<string, string>;
  joins?: string;
  sorts: Record<string, string>;
  filters: Record<string, FilterSql>;
  /** What the list's search matches, given the placeholder of the LIKE pattern; default: the table's search text. */
  search?: FilterSql;
  /**
   * Filters on nested tables that take in everything beneath the ids given: the ids are expanded
   * before the list query, so the planner sees the real list and can use its statistics.
   */
  subtreeFilters?: Record<string, TreeTable>;
}

export interface ListQuery {
  search?: string;
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  [filter: string]: unknown;
}

export interface ListPage<T> {
  items: T[];
  /** Rows matching; for a filtered list, counted no further than COUNT_AHEAD rows past the page. */
  total: number;
  /** True when more rows match than were counted: `total` is then a lower bound. */
  totalCapped: boolean;
  limit: number;
  offset: number;
}

const CASTS: Record<ColumnType, string> = {
  text: 'text', uuid: 'uuid', int: 'integer', numeric: 'numeric', date: 'date', bool: 'boolean', jsonb: 'jsonb', timestamptz: 'timestamptz',
};

/** Reads a column as JSON-ready values: numbers for numeric, ISO text for dates and timestamps. */
function readExpression(column: string, type: ColumnType): string {
  const ref = `t.${column}`;
  switch (type) {
    case 'numeric': return `${ref}::float8`;
    case 'date': return `to_char(${ref}, 'YYYY-MM-DD')`;
    case 'timestamptz': return `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default: return ref;
  }
}

export function selectList(spec: RecordTable): string {
  const fields = Object.entries(spec.fields).map(([field, f]) => `${readExpression(f.column, f.type)} as "${field}"`);
  const computed = Object.entries(spec.computed ?? {}).map(([field, sql]) => `${sql} as "${field}"`);
  return [...fields, ...computed].join(', ');
}

function writeValue(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return type === 'jsonb' ? JSON.stringify(value) : value;
}

function writableEntries(spec: RecordTable, values: Record<string, unknown>): Array<[FieldSpec, unknown]> {
  return Object.entries(values)
    .filter(([field, value]) => value !== undefined && spec.fields[field] && !spec.fields[field]!.readOnly)
    .map(([field, value]) => [spec.fields[field]!, value]);
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function containsPattern(search: string): string {
  return `%${escapeLike(search.toLowerCase())}%`;
}

/** The where clause of a list: the search over the table's search text and every filter given. */
export function whereOf(spec: RecordTable, query: { search?: string; [filter: string]: unknown }, params: unknown[]): string {
  const where: string[] = [];
  if (query.search?.trim()) {
    params.push(containsPattern(query.search.trim()));
    const placeholder = `$${params.length}`;
    where.push(spec.search ? `(${spec.search(placeholder)})` : `t.search_text like ${placeholder}`);
  }
  for (const [key, filter] of Object.entries(spec.filters)) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const single = filter.single && Array.isArray(value) && value.length === 1;
    params.push(single ? (value as unknown[])[0] : value);
    where.push(`(${(single ? filter.single! : filter)(`$${params.length}`)})`);
  }
  return where.length ? `where ${where.join(' and ')}` : '';
}

function sortExpression(spec: RecordTable, sort: string): string {
  return spec.sorts[sort] ?? Object.values(spec.sorts)[0]!;
}

export function orderOf(spec: RecordTable, sort: string, order: 'asc' | 'desc'): string {
  const direction = order === 'desc' ? 'desc' : 'asc';
  return `${sortExpression(spec, sort)} ${direction}, t.id ${direction}`;
}

/** The query with its subtree filters expanded to every id beneath the ones asked for. */
async function expandSubtrees<Q extends Record<string, unknown>>(db: Queryable, spec: RecordTable, query: Q): Promise<Q> {
  const expanded: Record<string, unknown> = { ...query };
  for (const [key, table] of Object.entries(spec.subtreeFilters ?? {})) {
    const ids = query[key];
    if (Array.isArray(ids) && ids.length) expanded[key] = await subtreeOf(db, table, ids as string[]);
  }
  return expanded as Q;
}

/**
 * How many rows past the end of its page a filtered list counts: counting every match of a broad
 * search or filter would read every matching row, where the page itself reads only its own.
 */
export const COUNT_AHEAD = 1_000;

interface Matching {
  total: number;
  totalCapped: boolean;
  /** The ids on the page, when every matching row was gathered. */
  pageIds?: string[];
}

/**
 * The rows matching a filtered list, gathered up to `cap` (one more tells that there are more)
 * with their sort keys. When that is all of them, the page's ids come from them too, so a search
 * with a few hundred matches reads them once instead of once to count and once for the page.
 */
async function gatherMatching(db: Queryable, spec: RecordTable, where: string, params: unknown[], query: ListQuery, cap: number): Promise<Matching> {
  const direction = query.order === 'desc' ? 'desc' : 'asc';
  const n = params.length;
  const { rows } = await db.query<{ n: number; ids: string[] | null }>(
    `with matching as materialized (
       select t.id, ${sortExpression(spec, query.sort)} as sort_key from ${spec.table} t ${where} limit $${n + 1})
     select (select count(*)::int from matching) as n,
            (select array_agg(id) from (select id from matching order by sort_key ${direction}, id ${direction}
                                         limit $${n + 2} offset $${n + 3}) p) as ids`,
    [...params, cap + 1, query.limit, query.offset],
  );
  const found = rows[0]?.n ?? 0;
  if (found > cap) return { total: cap, totalCapped: true };
  return { total: found, totalCapped: false, pageIds: rows[0]?.ids ?? [] };
}

/** One page of rows in list order, joined with what they reference: by ids, or by the where clause. */
async function readPage<T>(db: Queryable, spec: RecordTable, query: ListQuery, rows: { ids: string[] } | { where: string; params: unknown[] }) {
  const order = orderOf(spec, query.sort, query.order);
  const [filter, params] = 'ids' in rows
    ? ['where t.id = any($1::uuid[])', [rows.ids]]
    : [`${rows.where} order by ${order} limit $${rows.params.length + 1} offset $${rows.params.length + 2}`, [...rows.params, query.limit, query.offset]];
  const page = await db.query<T>(
    `select ${selectList(spec)} from (select t.* from ${spec.table} t ${filter}) t ${spec.joins ?? ''} order by ${order}`,
    params,
  );
  return page.rows;
}

/**
 * One page of a list and the number of rows matching; only the page's rows are joined. An
 * unfiltered list counts the whole table; a filtered one counts up to COUNT_AHEAD rows past the
 * page, and takes the page from what it counted when that is every match.
 */
export async function listRecords<T>(db: Queryable, spec: RecordTable, asked: ListQuery): Promise<ListPage<T>> {
  const query = await expandSubtrees(db, spec, asked);
  const params: unknown[] = [];
  const where = whereOf(spec, query, params);
  const paging = { limit: query.limit, offset: query.offset };
  if (!where) {
    const [items, count] = await Promise.all([
      readPage<T>(db, spec, query, { where, params }),
      db.query<{ n: number }>(`select count(*)::int as n from ${spec.table}`),
    ]);
    return { items, total: count.rows[0]?.n ?? 0, totalCapped: false, ...paging };
  }
  const { pageIds, ...count } = await gatherMatching(db, spec, where, params, query, query.offset + query.limit + COUNT_AHEAD);
  let items: T[] = [];
  if (!pageIds) items = await readPage<T>(db, spec, query, { where, params });
  else if (pageIds.length) items = await readPage<T>(db, spec, query, { ids: pageIds });
  return { items, ...count, ...paging };
}

export async function getRecords<T>(db: Queryable, spec: RecordTable, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<T>(
    `select ${selectList(spec)} from ${spec.table} t ${spec.joins ?? ''} where t.id = any($1::uuid[])`,
    [ids],
  );
  return rows;
}

export async function getRecord<T>(db: Queryable, spec: RecordTable, id: string): Promise<T | undefined> {
  return (await getRecords<T>(db, spec, [id]))[0];
}

export async function insertRecord(db: Queryable, spec: RecordTable, id: string, values: Record<string, unknown>): Promise<void> {
  const entries = writableEntries(spec, values);
  const columns = ['id', ...entries.map(([f]) => f.column)];
  const placeholders = ['$1::uuid', ...entries.map(([f], i) => `$${i + 2}::${CASTS[f.type]}`)];
  await db.query(
    `insert into ${spec.table} (${columns.join(', ')}) values (${placeholders.join(', ')})`,
    [id, ...entries.map(([f, v]) => writeValue(f.type, v))],
  );
}

/** Updates the given fields (null clears one, undefined leaves it); false when there is no such row. */
export async function updateRecord(db: Queryable, spec: RecordTable, id: string, values: Record<string, unknown>): Promise<boolean> {
  const entries = writableEntries(spec, values);
  const sets = entries.map(([f], i) => `${f.column} = $${i + 2}::${CASTS[f.type]}`);
  if (spec.fields.updatedAt) sets.push('updated_at = now()');
  if (sets.length === 0) return (await getRecords(db, spec, [id])).length > 0;
  const { rowCount } = await db.query(
    `update ${spec.table} set ${sets.join(', ')} where id = $1`,
    [id, ...entries.map(([f, v]) => writeValue(f.type, v))],
  );
  return rowCount > 0;
}

/** Sets the same fields on many records in one statement; returns how many rows it changed. */
export async function updateManyRecords(db: Queryable, spec: RecordTable, ids: string[], values: Record<string, unknown>): Promise<number> {
  const entries = writableEntries(spec, values);
  const sets = entries.map(([f], i) => `${f.column} = $${i + 2}::${CASTS[f.type]}`);
  if (ids.length === 0 || sets.length === 0) return 0;
  if (spec.fields.updatedAt) sets.push('updated_at = now()');
  const { rowCount } = await db.query(
    `update ${spec.table} set ${sets.join(', ')} where id = any($1::uuid[])`,
    [ids, ...entries.map(([f, v]) => writeValue(f.type, v))],
  );
  return rowCount;
}

export async function deleteRecord(db: Queryable, spec: RecordTable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`delete from ${spec.table} where id = $1`, [id]);
  return rowCount > 0;
}

/** Takes the row lock of one record for the rest of the transaction; false when there is no such row. */
export async function lockRecord(db: Queryable, spec: RecordTable, id: string): Promise<boolean> {
  const { rows } = await db.query(`select 1 from ${spec.table} where id = $1 for update`, [id]);
  return rows.length > 0;
}

/** Rows as one JSON parameter and the SQL that reads them back as a record set `r`. */
export interface RecordSet {
  /** The API field and table column of each value the rows carry, the id first. */
  fields: Array<[field: string, column: string]>;
  /** `json_to_recordset($n::json) as r(...)` for the placeholder given. */
  source: (param: string) => string;
  json: string;
}

/**
 * The rows of `spec` to insert, each with an id and the fields to set; `extraColumns` names
 * store-managed columns the caller may also set (e.g. the holder of an imported asset).
 */
export function recordSetOf(
  spec: RecordTable,
  rows: Array<{ id: string } & Record<string, unknown>>,
  extraColumns: Record<string, FieldSpec> = {},
): RecordSet {
  const writable: Record<string, FieldSpec> = { ...extraColumns };
  for (const [field, f] of Object.entries(spec.fields)) if (!f.readOnly) writable[field] = f;
  const present = Object.entries(writable).filter(([field]) => rows.some((r) => r[field] !== undefined));
  const types = ['id uuid', ...present.map(([, f]) => `${f.column} ${CASTS[f.type]}`)];
  const json = rows.map((r) => {
    const record: Record<string, unknown> = { id: r.id };
    for (const [field, f] of present) record[f.column] = r[field] ?? null;
    return record;
  });
  return {
    fields: [['id', 'id'], ...present.map(([field, f]): [string, string] => [field, f.column])],
    source: (param) => `json_to_recordset(${param}::json) as r(${types.join(', ')})`,
    json: JSON.stringify(json),
  };
}

/** Inserts many records in one statement, the rows travelling as one JSON parameter. */
export async function insertManyRecords(
  db: Queryable,
  spec: RecordTable,
  rows: Array<{ id: string } & Record<string, unknown>>,
  extraColumns: Record<string, FieldSpec> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const set = recordSetOf(spec, rows, extraColumns);
  const columns = set.fields.map(([, column]) => column).join(', ');
  await db.query(`insert into ${spec.table} (${columns}) select ${columns} from ${set.source('$1')}`, [set.json]);
}
