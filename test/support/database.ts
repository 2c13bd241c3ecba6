import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbedded } from '../../collector/src/store/embedded-database.js';
import { openDatabase } from '../../collector/src/store/open.js';
import { embeddedSeed } from './embedded-seed.js';
import type { Database } from '../../collector/src/store/database.js';
import { openTimescaleEmbedded } from './timescale-database.js';

export interface TestDatabase {
  db: Database;
  /** The server URL when the test runs on PostgreSQL; undefined on the embedded database. */
  url?: string;
  backend: 'postgres' | 'embedded' | 'timescaledb';
  drop(): Promise<void>;
}

/** The back ends this run tests: real PostgreSQL when TEST_DATABASE_URL is set, else embedded. */
export const TEST_BACKEND: 'postgres' | 'embedded' = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty PostgreSQL database on the test server; each test file gets its own. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `steward_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A fresh database on this run's back end, not yet migrated. */
export async function createTestDatabase(backend: 'postgres' | 'embedded' | 'timescaledb' = TEST_BACKEND): Promise<TestDatabase> {
  if (backend === 'timescaledb') {
    const db = await openTimescaleEmbedded();
    return { db, backend, drop: () => db.close() };
  }
  if (backend === 'postgres') {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, dataDir: '' });
    return {
      db, url: created.url, backend,
      async drop() {
        await db.close();
        await created.drop();
      },
    };
  }
  const db = await openEmbedded('memory://', { seed: await embeddedSeed() });
  return { db, backend, drop: () => db.close() };
}
