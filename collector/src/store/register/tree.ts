import type { Queryable } from '../database.js';
import { subtreeIds } from './tree-sql.js';

export type TreeTable = 'register_locations' | 'register_categories' | 'register_departments';

/** True when `candidate` is `rootId` or one of its descendants: such a parent would make a loop. */
export async function isInSubtree(db: Queryable, table: TreeTable, rootId: string, candidate: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    `select $2::uuid in (${subtreeIds(table, '$1')}) as found`,
    [[rootId], candidate],
  );
  return rows[0]?.found ?? false;
}

export async function subtreeOf(db: Queryable, table: TreeTable, rootIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(subtreeIds(table, '$1'), [rootIds]);
  return rows.map((r) => r.id);
}
