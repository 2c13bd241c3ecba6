import type { Queryable } from '../database.js';

/** Marks a category as one of the shipped defaults, so it can be found again after renaming. */
export async function setCategoryKey(db: Queryable, id: string, key: string): Promise<void> {
  await db.query('update register_categories set key = $2 where id = $1', [id, key]);
}

export async function findCategoryIdsByKey(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; key: string }>('select id, key from register_categories where key is not null');
  return new Map(rows.map((r) => [r.key, r.id]));
}
