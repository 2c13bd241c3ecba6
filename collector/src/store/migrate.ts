import type { Database } from './database.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

/** Any fixed number: collectors starting together take turns on this lock. */
const MIGRATION_LOCK = 7_210_551;

/**
 * Applies the migrations this database lacks, in order, in one transaction under an advisory lock,
 * so several collectors starting at once neither race nor half-apply.
 */
export async function migrate(db: Database, migrations: Migration[] = allMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      id integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const { rows } = await tx.query<{ id: number }>('select id from schema_migrations');
    const applied = new Set(rows.map((r) => r.id));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      done.push(migration.id);
    }
    return done;
  });
}
