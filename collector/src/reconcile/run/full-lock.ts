import type { Database, Queryable } from '../../store/database.js';

/** Any fixed number: one full reconciliation at a time across collectors. */
export const FULL_LOCK = 7_210_556;

/** Runs on the embedded database, per database: it has one process, so the lock lives in it. */
const embeddedRuns = new WeakMap<Database, Promise<unknown>>();

/**
 * Runs `work` holding the full-reconciliation lock, or returns undefined at once when another run
 * holds it and `wait` is false. On a server the lock is held by a transaction of its own that stays
 * open for the run, since the run's work is spread over several transactions on other connections.
 * `work` is given the connection holding the lock (the database itself on the embedded one), idle
 * while the run works elsewhere.
 */
export async function withFullLock<T>(db: Database, wait: boolean, work: (holder: Queryable) => Promise<T>): Promise<T | undefined> {
  if (db.backend === 'postgres') {
    return db.transaction(async (tx) => {
      if (!wait) {
        const { rows } = await tx.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1) as got', [FULL_LOCK]);
        if (!rows[0]?.got) return undefined;
      } else {
        await tx.query('select pg_advisory_xact_lock($1)', [FULL_LOCK]);
      }
      return work(tx);
    });
  }
  const running = embeddedRuns.get(db);
  if (running && !wait) return undefined;
  const mine = (running ?? Promise.resolve()).catch(() => undefined).then(() => work(db));
  embeddedRuns.set(db, mine);
  try {
    return await mine;
  } finally {
    if (embeddedRuns.get(db) === mine) embeddedRuns.delete(db);
  }
}
