import type { z } from 'zod';
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

/** A setting as its schema reads it, with the schema's defaults for whatever was never set (or no longer parses). */
export async function readSettingOf<S extends z.ZodType>(db: Queryable, key: string, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse((await readSetting<unknown>(db, key)) ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
