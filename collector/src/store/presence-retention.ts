import type { Queryable } from './database.js';

/** Days of presence history kept: the same as TimescaleDB's retention policy on agent_presence (migration 26). */
export const PRESENCE_RETENTION_DAYS = 400;

/**
 * Deletes stretches online that ended before the retention window, where no TimescaleDB policy
 * does it. One collector at a time (the others find the lock taken and skip: false); call it
 * inside a transaction, which the lock lasts for. Returns how many stretches went.
 */
export async function prunePresence(db: Queryable, retentionDays = PRESENCE_RETENTION_DAYS): Promise<number | false> {
  const { rows } = await db.query<{ locked: boolean }>('select pg_try_advisory_xact_lock(7210553) as locked');
  if (!rows[0]?.locked) return false;
  const { rowCount } = await db.query('delete from agent_presence where ended_at < now() - make_interval(days => $1)', [retentionDays]);
  return rowCount;
}
