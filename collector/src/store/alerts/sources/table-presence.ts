import type { Queryable } from '../../database.js';

/**
 * The tables of the given names that this database lacks. Rules and reports read tables other areas
 * create in their own migrations; until those are applied, a rule is skipped rather than failed.
 */
export async function missingTables(db: Queryable, names: string[]): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select n as name from unnest($1::text[]) as n where to_regclass(n) is null`,
    [names],
  );
  return rows.map((r) => r.name);
}
