import pg from 'pg';
import { StatementNames } from './prepared-statements.js';
import { DatabaseUnavailableError, isDatabaseUnavailable, type Database, type Queryable, type QueryResult } from './database.js';

// int8 (count(*), bigserial) as a JS number: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

function wrap<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  });
}

function queryableOf(client: pg.PoolClient, names: StatementNames): Queryable {
  return {
    async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const result = await wrap(client.query(names.config(sql, params)));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await wrap(client.query(sql));
    },
  };
}

export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // Fail fast when the server is gone: callers answer 503 with Retry-After rather than hang.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'steward-collector',
    // Reconciliation materialises estate-sized temporary tables; past the default 8 MB of local
    // buffers each one is written out through the kernel. The memory is taken only when used.
    options: '-c temp_buffers=128MB',
  });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it on next use.
  });
  pool.on('connect', (client) => {
    // A connection that dies while checked out fails its query; its 'error' event must not crash the collector.
    client.on('error', () => undefined);
  });
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const names = new StatementNames();

  const db: Database = {
    backend: 'postgres',
    async query<R>(sql: string, params: unknown[] = []) {
      const result = await wrap(pool.query(names.config(sql, params)));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await wrap(pool.query(sql));
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await wrap(pool.connect());
      try {
        await client.query('begin');
        const result = await work(queryableOf(client, names));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage) {
      if (!listener) {
        listener = new pg.Client({ connectionString: url, application_name: 'steward-listener' });
        listener.on('error', () => undefined);
        listener.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
        });
        await wrap(listener.connect());
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await wrap(listener.query(`listen ${pg.escapeIdentifier(channel)}`));
      }
      set.add(onMessage);
      return async () => {
        set!.delete(onMessage);
      };
    },
    async ping() {
      await wrap(pool.query('select 1'));
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
  return db;
}
