import type { Queryable } from '../database.js';

/** Marks a category as one of the shipped defaults, so it can be found again after renaming. */
export async function setCategoryKey(db: Queryable, id: string, key: string): Promise<void> {
  await db.query('update register_categories set key = $2 where id = $1', [id, key]);
}
