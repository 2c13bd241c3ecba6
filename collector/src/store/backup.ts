import type { Queryable } from './database.js';

/**
 * The application's tables in an order where every table comes after those it references; where
 * references form a cycle (people ↔ departments), the table with the fewest unplaced parents goes
 * first and the restore relies on deferred checks (see relaxConstraintChecks).
 */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname`,
  );
  const { rows: edges } = await db.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and c.relname <> p.relname`,
  );
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const unplacedParents = (n: string) => [...parents.get(n)!].filter((p) => !placed.has(p) && parents.has(p)).length;
    let ready = names.filter((n) => !placed.has(n) && unplacedParents(n) === 0);
    if (ready.length === 0) {
      const rest = names.filter((n) => !placed.has(n)).sort((a, b) => unplacedParents(a) - unplacedParents(b));
      ready = [rest[0]!];
    }
    for (const n of ready) {
      placed.add(n);
      ordered.push(n);
    }
  }
  return ordered;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * How rows are written as JSON. In `plain` (backups of version 1) a row is PostgreSQL's
 * row_to_json, where a json/jsonb value `null` and SQL NULL both read `null`; in `wrapped` each
 * json/jsonb value is written inside a one-element array (`[null]` for the JSON value, `null` for
 * SQL NULL), so the two stay apart through a restore and its checksums.
 */
export type RowEncoding = 'plain' | 'wrapped';

interface Column {
  name: string;
  json: boolean;
  generated: boolean;
}

async function columnsOf(db: Queryable, table: string): Promise<Column[]> {
  const { rows } = await db.query<Column>(
    `select attname as name, atttypid in ('json'::regtype, 'jsonb'::regtype) as json, attgenerated <> '' as generated
       from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
    [ident(table)],
  );
  return rows;
}

/** A query giving each row of the table as JSON text, in the encoding asked for, as `row`. */
async function rowsAsJson(db: Queryable, table: string, encoding: RowEncoding): Promise<string> {
  if (encoding === 'plain') return `select row_to_json(t)::text as row from ${ident(table)} t`;
  const list = (await columnsOf(db, table))
    .map((c) => (c.json ? `case when t.${ident(c.name)} is null then null else json_build_array(t.${ident(c.name)}) end as ${ident(c.name)}` : `t.${ident(c.name)}`))
    .join(', ');
  return `select row_to_json(s)::text as row from (select ${list} from ${ident(table)} t) s`;
}

/** Reads a table through a cursor, a page at a time, inside the caller's transaction. */
export async function* readTableRows(tx: Queryable, table: string, encoding: RowEncoding, pageSize = 2000): AsyncGenerator<string[]> {
  const cursor = `backup_${table.replace(/\W/g, '_')}`;
  await tx.query(`declare ${cursor} no scroll cursor for ${await rowsAsJson(tx, table, encoding)}`);
  for (;;) {
    const { rows } = await tx.query<{ row: string }>(`fetch ${pageSize} from ${cursor}`);
    if (rows.length) yield rows.map((r) => r.row);
    if (rows.length < pageSize) break;
  }
  await tx.query(`close ${cursor}`);
}

/** A content checksum of a table, independent of row order and of the back end. */
export async function tableChecksum(db: Queryable, table: string, encoding: RowEncoding): Promise<{ rows: number; md5: string }> {
  const { rows } = await db.query<{ n: number; md5: string | null }>(
    `select count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r), '')) as md5 from (${await rowsAsJson(db, table, encoding)}) s(r)`,
  );
  return { rows: rows[0]!.n, md5: rows[0]!.md5 ?? '' };
}

/**
 * For a restore: as a superuser (always so on the embedded database), foreign-key and user triggers
 * are suspended for this transaction, since the data comes from a consistent snapshot and its
 * checksums are verified before commit. Returns false when the role may not do so.
 */
export async function relaxConstraintChecks(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = current_user');
  if (!rows[0]?.super) return false;
  await tx.query("set local session_replication_role = 'replica'");
  return true;
}

/** Empties the tables (user triggers such as the audit log's guard are off for the restore only). */
export async function emptyTables(tx: Queryable, tables: string[]): Promise<void> {
  for (const t of tables) await tx.query(`alter table ${ident(t)} disable trigger user`);
  if (tables.length) await tx.query(`truncate ${tables.map(ident).join(', ')}`);
}

export async function insertTableRows(tx: Queryable, table: string, rowsJson: string[], encoding: RowEncoding): Promise<void> {
  if (!rowsJson.length) return;
  // Generated columns are computed again from the others (they cannot be written); identity
  // columns take the backed-up values, not new ones.
  const columns = (await columnsOf(tx, table)).filter((c) => !c.generated);
  const names = columns.map((c) => ident(c.name)).join(', ');
  const values = columns.map((c) => (encoding === 'wrapped' && c.json ? `x.${ident(c.name)} -> 0` : `x.${ident(c.name)}`)).join(', ');
  await tx.query(
    `insert into ${ident(table)} (${names}) overriding system value select ${values} from json_populate_recordset(null::${ident(table)}, $1::json) x`,
    [`[${rowsJson.join(',')}]`],
  );
}

export async function enableTriggers(tx: Queryable, tables: string[]): Promise<void> {
  for (const t of tables) await tx.query(`alter table ${ident(t)} enable trigger user`);
}

/** Moves every serial/identity sequence past the highest restored value. */
export async function resetSequences(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{ table_name: string; column_name: string; seq: string }>(
    `select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
       from information_schema.columns
      where table_schema = current_schema() and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
  );
  for (const r of rows) {
    await tx.query(
      `select setval($1, coalesce((select max(${ident(r.column_name)}) from ${ident(r.table_name)}), 0) + 1, false)`,
      [r.seq],
    );
  }
}

export async function appliedMigrations(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>('select id from schema_migrations order by id');
  return rows.map((r) => r.id);
}
