import type { Queryable } from '../database.js';

const KEY = 'register.settings';

export async function readRegisterSettings<T>(db: Queryable): Promise<Partial<T>> {
  const { rows } = await db.query<{ value: Partial<T> }>('select value from settings where key = $1', [KEY]);
  return rows[0]?.value ?? {};
}

export async function writeRegisterSettings<T>(db: Queryable, value: T): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [KEY, JSON.stringify(value)],
  );
}

/** Marks a one-time step done; true only for the caller that marked it first. */
export async function markOnce(db: Queryable, key: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into settings (key, value) values ($1, 'true'::jsonb) on conflict (key) do nothing`,
    [key],
  );
  return rowCount > 0;
}
