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
  /**
   * Proves the database answers. The embedded one answers from its own thread between statements,
   * so a long write does not make the collector look down.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
]);

/**
 * Errors that mean the database is out of reach or cannot take work now, rather than that a
 * statement was wrong: network failures, SQLSTATE class 08 (connection), 53 (insufficient
 * resources, such as too many connections), 57P0x (shutting down, starting up), 28 (the
 * collector's own credentials refused) and 3D000 (the database is gone).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = (error as Error)?.message ?? '';
  return (
    UNREACHABLE_CODES.has(code) || /^(08|53|28)/.test(code) || /^57P0/.test(code) || code === '3D000' ||
    /timeout exceeded when trying to connect|Connection terminated|not queryable|Cannot use a pool after calling end|PGlite is closed/i.test(message)
  );
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
