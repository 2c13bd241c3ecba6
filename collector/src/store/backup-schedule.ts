import type { BackupRun } from '@steward/shared';
import type { Queryable } from './database.js';
import { readSetting } from './settings.js';

const NEXT_DUE = 'backup.nextDue';
const LAST_RUN = 'backup.lastRun';

/** When the next scheduled backup is due, set to `firstDue` the first time it is asked. */
export async function backupDueAt(db: Queryable, firstDue: Date): Promise<Date> {
  await db.query(`insert into settings (key, value) values ($1, to_jsonb($2::text)) on conflict (key) do nothing`, [NEXT_DUE, firstDue.toISOString()]);
  return new Date((await readSetting<string>(db, NEXT_DUE))!);
}

/**
 * Takes the due backup for this collector: moves the due time on to `next` only if it has come
 * by `now`, in one statement, so among collectors sharing the database exactly one wins a slot.
 */
export async function claimDueBackup(db: Queryable, now: Date, next: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update settings set value = to_jsonb($3::text), updated_at = now()
      where key = $1 and (value #>> '{}')::timestamptz <= $2::timestamptz`,
    [NEXT_DUE, now.toISOString(), next.toISOString()],
  );
  return rowCount === 1;
}

export async function recordBackupRun(db: Queryable, run: BackupRun): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [LAST_RUN, JSON.stringify(run)],
  );
}

export async function lastBackupRun(db: Queryable): Promise<BackupRun | null> {
  return (await readSetting<BackupRun>(db, LAST_RUN)) ?? null;
}

/** When the scheduled backup is due, or null before any collector has set it. */
export async function scheduledBackupDue(db: Queryable): Promise<Date | null> {
  const value = await readSetting<string>(db, NEXT_DUE);
  return value ? new Date(value) : null;
}
