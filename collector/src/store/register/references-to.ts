import type { Queryable } from '../database.js';

/** A column holding the id of a record of another table. */
export interface ReferringColumn {
  /** The table's name, as shown to people. */
  table: string;
  column: string;
  /** The table as written in SQL: quoted, with its schema. */
  qualified: string;
  /** For holder columns that may point at several tables: the type column and the value naming this table. */
  typeColumn?: string;
  typeValue?: string;
}

/**
 * Columns that hold a register id without a foreign key, because they may point at one of several
 * tables: who an asset is checked out to, now and in its past check-outs.
 */
const HOLDER_COLUMNS: ReadonlyArray<{ table: string; column: string; typeColumn: string }> = [
  { table: 'register_assets', column: 'assigned_id', typeColumn: 'assigned_type' },
  { table: 'register_assignments', column: 'target_id', typeColumn: 'target_type' },
];
const HOLDER_TYPES: Record<string, string> = {
  register_people: 'person', register_departments: 'department', register_locations: 'location', register_assets: 'asset',
};

/**
 * Every column that refers to rows of `table`: the single-column foreign keys the schema declares,
 * read from the catalogue so that a table added later is never forgotten, and the holder columns.
 */
export async function referencesTo(db: Queryable, table: string): Promise<ReferringColumn[]> {
  const { rows } = await db.query<{ table: string; column: string; qualified: string }>(
    `select src.relname as "table", a.attname as "column", quote_ident(n.nspname) || '.' || quote_ident(src.relname) as qualified
       from pg_constraint c
       join pg_class src on src.oid = c.conrelid
       join pg_namespace n on n.oid = src.relnamespace
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = to_regclass($1) and cardinality(c.conkey) = 1
      order by 1, 2`,
    [table],
  );
  const holderType = HOLDER_TYPES[table];
  const holders = holderType
    ? HOLDER_COLUMNS.map((h) => ({ ...h, qualified: h.table, typeValue: holderType }))
    : [];
  return [...rows, ...holders];
}

/** Column names come from the catalogue or the list above, never from a request; quoted all the same. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function whereOf(ref: ReferringColumn): string {
  return `${ident(ref.column)} = $1${ref.typeColumn ? ` and ${ident(ref.typeColumn)} = $2` : ''}`;
}

function paramsOf(ref: ReferringColumn, id: string): unknown[] {
  return ref.typeColumn ? [id, ref.typeValue] : [id];
}

/** How many rows of each referring column point at `id`. */
export async function countReferences(db: Queryable, refs: ReferringColumn[], id: string): Promise<number[]> {
  const counts: number[] = [];
  for (const ref of refs) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${ref.qualified} where ${whereOf(ref)}`, paramsOf(ref, id));
    counts.push(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Points every referring row at `toId` instead of `fromId`; the number of rows moved per column. */
export async function moveReferences(db: Queryable, refs: ReferringColumn[], fromId: string, toId: string): Promise<number[]> {
  const moved: number[] = [];
  for (const ref of refs) {
    const n = paramsOf(ref, fromId).length;
    const { rowCount } = await db.query(`update ${ref.qualified} set ${ident(ref.column)} = $${n + 1} where ${whereOf(ref)}`, [...paramsOf(ref, fromId), toId]);
    moved.push(rowCount);
  }
  return moved;
}
