import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, QueryResult } from './database.js';
import { makeDirectory } from '../make-directory.js';

type PGliteQueryable = Pick<PGlite, 'query' | 'exec'>;

function queryableOf(target: PGliteQueryable): Queryable {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded PostgreSQL (PGlite) kept in a data folder, or in memory for `memory://`.
 * It serves one process: a second collector needs a PostgreSQL server.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) makeDirectory(dataDir, 0o755);
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  // Zero-filling each new 16 MB WAL file grows it write by write in the emulated file system,
  // copying it again at every step; unfilled, it is made at full size once. The one session lasts
  // as long as the database, so the setting holds for all of its work.
  await pglite.exec('set wal_init_zero = off');
  return databaseOverPglite(pglite);
}

/** The store's view of a PGlite instance (of this build or another with the same interface). */
export function databaseOverPglite(pglite: PGlite): Database {
  const base = queryableOf(pglite);
  return {
    backend: 'embedded',
    ...base,
    transaction: (work) => pglite.transaction((tx) => work(queryableOf(tx))),
    async listen(channel, onMessage) {
      const unlisten = await pglite.listen(channel, onMessage);
      return () => unlisten();
    },
    close: () => pglite.close(),
  };
}
