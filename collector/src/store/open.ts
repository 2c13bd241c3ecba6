import type { Database } from './database.js';
import { openEmbedded } from './embedded-database.js';
import { openPostgres } from './postgres-database.js';

/** PostgreSQL when a URL is given, else the embedded database in the data folder. */
export function openDatabase(options: { databaseUrl?: string; dataDir: string; maxConnections?: number }): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, { maxConnections: options.maxConnections })
    : openEmbedded(options.dataDir);
}
