/**
 * The back ends the store's contract tests run on: always the embedded database, and real
 * PostgreSQL too when TEST_DATABASE_URL names a server.
 */
export const CONTRACT_BACKENDS: Array<'embedded' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['embedded', 'postgres']
  : ['embedded'];

if (!process.env.TEST_DATABASE_URL && process.env.CI === 'true') {
  throw new Error('CI must set TEST_DATABASE_URL so the store is tested on PostgreSQL too');
}

/**
 * The back ends of the migration and time-series tests: those above and TimescaleDB, through a PGlite
 * build that carries it (hypertables, compression, retention jobs).
 */
export const TIME_SERIES_BACKENDS: Array<'embedded' | 'postgres' | 'timescaledb'> = [...CONTRACT_BACKENDS, 'timescaledb'];
