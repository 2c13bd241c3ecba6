import type { Database } from '../../store/database.js';

/**
 * Runs independent pieces of work, each in its own transaction: at once on a PostgreSQL server,
 * where each gets a connection (and so a processor) of its own; one after another on the embedded
 * database, which has one connection. Every piece runs, and is waited for, before the first
 * failure is thrown: nothing is still running when the caller lets go of its lock, and what the
 * pieces that succeeded did is kept on either database.
 */
export async function sideBySide<T extends readonly unknown[]>(db: Database, pieces: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const list = pieces as unknown as Array<() => Promise<unknown>>;
  let settled: Array<PromiseSettledResult<unknown>>;
  if (db.backend === 'postgres') {
    settled = await Promise.allSettled(list.map((piece) => piece()));
  } else {
    settled = [];
    for (const piece of list) settled.push(...(await Promise.allSettled([piece()])));
  }
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
