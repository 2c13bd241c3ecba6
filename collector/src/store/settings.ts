import type { Queryable } from './database.js';

export async function readSetting<T>(db: Queryable, key: string): Promise<T | undefined> {
  const { rows } = await db.query<{ value: T }>('select value from settings where key = $1', [key]);
  return rows[0]?.value;
}

/** Stores a setting unless one is already there; returns the value in force either way. */
export async function initSetting<T>(db: Queryable, key: string, value: T): Promise<T> {
  await db.query('insert into settings (key, value) values ($1, $2) on conflict (key) do nothing', [key, JSON.stringify(value)]);
  return (await readSetting<T>(db, key)) as T;
}
