import type { Database, Queryable } from '../../store/database.js';

/**
 * Names a transaction's connection after the run it serves, so the run's statements can be found
 * on the server and cancelled; the name lasts only as long as the transaction.
 */
export async function nameConnection(tx: Queryable, name: string): Promise<void> {
  await tx.query("select set_config('application_name', $1, true)", [name]);
}

/**
 * On a PostgreSQL server, cancels the statements running under `name` when the signal fires: a
 * long statement over the whole estate would otherwise hold the stop for minutes, and a cancelled
 * one rolls its transaction back. The embedded database runs one statement at a time in this
 * process; there the run stops between statements. Returns the function that lets go of the signal.
 */
export function cancelOnStop(db: Database, name: string, signal: AbortSignal | undefined): () => void {
  if (!signal || db.backend !== 'postgres') return () => undefined;
  const cancel = () => {
    void db.query('select pg_cancel_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [name])
      .catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

/** The error a run stopped by its signal ends with, whatever the database said as it stopped. */
export class RunStopped extends Error {
  constructor() {
    super('stopped before it finished: the collector is shutting down');
    this.name = 'RunStopped';
  }
}
