import type { Queryable } from '../database.js';

/** The temporary tables each transaction has made (on commit they are dropped with it). */
const createdIn = new WeakMap<Queryable, Set<string>>();

/**
 * Materialises a query as a temporary table of the current transaction, so the statements that
 * follow join a table with real statistics instead of a CTE the planner must guess at (its guesses
 * turn hash joins over a whole estate into nested loops). Call it inside a transaction.
 */
export async function tempTable(
  db: Queryable, name: string, select: string, params: unknown[] = [], options: { analyze?: boolean; index?: string[] } = {},
): Promise<void> {
  // A transaction's queryable is its own object: a name it already created is dropped first, and
  // the drop is saved otherwise (a device's reconciliation creates a dozen of these).
  const created = createdIn.get(db) ?? new Set<string>();
  createdIn.set(db, created);
  if (created.has(name)) await db.query(`drop table if exists pg_temp.${name}`);
  created.add(name);
  await db.query(`create temp table ${name} on commit drop as ${select}`, params);
  for (const columns of options.index ?? []) await db.query(`create index on ${name} (${columns})`);
  if (options.analyze) await db.query(`analyze ${name}`);
}

/**
 * Turns just-in-time compilation off for the rest of the transaction: reconciliation's statements
 * are large and run once, and compiling them cost seconds, far more than they take to run.
 */
export async function withoutJit(db: Queryable): Promise<void> {
  await db.query('set local jit = off');
}

/**
 * Settings for a transaction that works over the whole estate: room to hash a million rows in
 * memory instead of spilling them to disk, statistics of its temporary tables from a small sample
 * (the joins that follow need only their sizes and rough distinct counts, and a full sample of a
 * million rows took longer than some of the steps), and no just-in-time compilation.
 */
export async function forEstateWork(db: Queryable): Promise<void> {
  await db.query("set local work_mem = '256MB'");
  await db.query('set local default_statistics_target = 10');
  await withoutJit(db);
}
