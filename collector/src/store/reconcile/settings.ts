import { reconcileSettings, type ReconcileSettings } from '@steward/shared';
import type { Queryable } from '../database.js';

const KEY = 'reconcile.settings';

/** The reconciliation settings, with defaults for whatever was never set. */
export async function readReconcileSettings(db: Queryable): Promise<ReconcileSettings> {
  const { rows } = await db.query<{ value: unknown }>('select value from settings where key = $1', [KEY]);
  const parsed = reconcileSettings.safeParse(rows[0]?.value ?? {});
  return parsed.success ? parsed.data : reconcileSettings.parse({});
}

export async function writeReconcileSettings(db: Queryable, value: ReconcileSettings): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [KEY, JSON.stringify(value)],
  );
}
