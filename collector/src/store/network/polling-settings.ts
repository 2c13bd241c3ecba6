import type { Queryable } from '../database.js';

const KEY = 'network.polling';

export async function readPollingSettings(db: Queryable): Promise<unknown> {
  const { rows } = await db.query<{ value: unknown }>('select value from settings where key = $1', [KEY]);
  return rows[0]?.value;
}

export async function writePollingSettings(db: Queryable, value: object): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [KEY, JSON.stringify(value)],
  );
}
