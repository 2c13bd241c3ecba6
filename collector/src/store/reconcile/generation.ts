import type { Queryable } from '../database.js';

const KEY = 'reconcile.rulesGeneration';

/** The current rules generation: titles normalised under an older one are normalised again. */
export async function rulesGeneration(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ value: number }>('select value from settings where key = $1', [KEY]);
  return Number(rows[0]?.value ?? 0);
}

/** Starts a new generation after the catalogue or rules changed; returns it. */
export async function bumpRulesGeneration(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ value: number }>(
    `insert into settings (key, value, updated_at) values ($1, '1'::jsonb, now())
     on conflict (key) do update set value = to_jsonb((settings.value #>> '{}')::integer + 1), updated_at = now()
     returning value`,
    [KEY],
  );
  return Number(rows[0]!.value);
}
