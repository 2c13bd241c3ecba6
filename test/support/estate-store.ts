import { migrate } from '../../collector/src/store/migrate.js';
import { openDatabase } from '../../collector/src/store/open.js';
import { generateEstate } from '../bench/reconcile-estate.js';
import { createPostgresDatabase, TEST_BACKEND } from './database.js';

/** Devices whose full reconciliation lasts well over ten seconds on either database (3,000 embedded took 5 s once positions got faster). */
export const LONG_RUN_DEVICES = TEST_BACKEND === 'postgres' ? 8000 : 25000;

/**
 * A migrated database holding a generated estate, for collector processes to open: a PostgreSQL
 * database of its own on that back end (databaseUrl, and drop to remove it), else the embedded one
 * in dataDir.
 */
export async function createEstateStore(dataDir: string, devices = LONG_RUN_DEVICES): Promise<{ databaseUrl?: string; drop?: () => Promise<void> }> {
  const created = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = await openDatabase({ databaseUrl: created?.url, dataDir });
  try {
    await migrate(db);
    await generateEstate(db, { devices, installsPerDevice: 40, commercialPerDevice: 8, otherTitles: 500 });
  } finally {
    await db.close();
  }
  return { databaseUrl: created?.url, drop: created?.drop };
}
