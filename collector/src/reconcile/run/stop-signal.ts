import type { Database, Queryable } from '../../store/database.js';

/**
 * Names a transaction's connection after the run it serves, so the run's statements can be found
 * on the server and cancelled; the name lasts only as long as the transaction.
 */
export async function nameConnection(tx: Queryable, name: string): Promise<void> {
  await tx.query("select set_config('application_name', $1, true)", [name]);
}

/**
 * On a PostgreSQL server, cancels the statements running under `name` once the signal fires, and
 * again every quarter second until let go (a part between two statements when the first cancel
 * came would otherwise start its next one): a long statement over the whole estate would hold
 * the stop for minutes, and a cancelled one rolls its transaction back. The cancel goes over
 * `via`, a connection the run already holds, since the pool may have none free while the run
 * works. The embedded database runs one statement at a time in this process; there the run stops
 * between statements. Returns the function that lets go of the signal.
 */
export function cancelOnStop(via: Queryable, backend: Database['backend'], name: string, signal: AbortSignal | undefined): () => void {
  if (!signal || backend !== 'postgres') return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const cancel = () => {
    // The connection holding the lock is in a transaction, which would keep reading the first
    // snapshot of the server's activity: the snapshot is cleared each time.
    void via.query(
      `select pg_stat_clear_snapshot(), (select count(pg_cancel_backend(pid)) from pg_stat_activity
        where application_name = $1 and pid <> pg_backend_pid())`, [name],
    ).catch(() => undefined);
  };
  const onAbort = () => {
    cancel();
    timer = setInterval(cancel, 250);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
    if (timer) clearInterval(timer);
  };
}

/** The error a run stopped by its signal ends with, whatever the database said as it stopped. */
export class RunStopped extends Error {
  constructor() {
    super('stopped before it finished: the collector is shutting down');
    this.name = 'RunStopped';
  }
}
