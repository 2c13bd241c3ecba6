import type { DatabaseKind } from '@steward/shared';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Anything that runs parameterised SQL: the database itself or a transaction on it. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * One PostgreSQL, whichever way it is reached: a server through `pg` or the embedded PGlite.
 * The rest of the store is written once against this.
 */
export interface Database extends Queryable {
  readonly backend: 'postgres' | 'embedded';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves to the function that unsubscribes. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached, so routes can answer 503 instead of hanging. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

export async function databaseKind(db: Database): Promise<DatabaseKind> {
  if (db.backend === 'embedded') return 'embedded';
  const { rows } = await db.query<{ present: boolean }>(
    "select exists (select 1 from pg_extension where extname = 'timescaledb') as present",
  );
  return rows[0]?.present ? 'timescaledb' : 'postgres';
}
