import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.js';
import type { EmbeddedErrorFields, EmbeddedReply, EmbeddedRequest, EmbeddedWorkerData } from './embedded-worker-protocol.js';
import { makeDirectory } from '../make-directory.js';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type RequestBody = EmbeddedRequest extends infer R ? (R extends EmbeddedRequest ? Omit<R, 'id'> : never) : never;

/** Rebuilds a database error from the worker with the fields callers read (code, constraint…). */
function rebuildError(fields: EmbeddedErrorFields): Error {
  return Object.assign(new Error(fields.message), fields);
}

/**
 * The worker's program, beside this module. Run from the TypeScript sources (tests, the bench),
 * the thread loads it through the TypeScript loader the sources already depend on.
 */
function startWorker(data: EmbeddedWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embedded-worker.js', import.meta.url), { workerData: data });
  const program = new URL('./embedded-worker.ts', import.meta.url).href;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => tsx.tsImport(${JSON.stringify(program)}, ${JSON.stringify(program)}))`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * The embedded PostgreSQL (PGlite) kept in a data folder, or in memory for `memory://`, run on a
 * thread of its own so its statements never hold the collector's event loop. It serves one
 * process: a second collector needs a PostgreSQL server. A `seed` (a data folder's tarball) spares
 * a new database its initialisation, seconds of the emulated server's work.
 */
export async function openEmbedded(dataDir: string, options: { seed?: Uint8Array } = {}): Promise<Database> {
  if (!dataDir.startsWith('memory://')) makeDirectory(dataDir, 0o755);
  const worker = startWorker({ dataDir, seed: options.seed });
  const pending = new Map<number, Pending>();
  const notified = new Map<number, (payload: string) => void>();
  let nextId = 0;
  let stopped: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: EmbeddedReply) => {
      if ('id' in reply) {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if (pending.size === 0) worker.unref();
        if (reply.ok) waiting?.resolve(reply.value);
        else waiting?.reject(rebuildError(reply.error));
      } else if (reply.kind === 'notify') notified.get(reply.listener)?.(reply.payload);
      else if (reply.kind === 'ready') resolve();
      else reject(rebuildError(reply.error));
    });
    const stop = (error: Error) => {
      stopped = new Error(`PGlite is closed: the embedded database's thread stopped (${error.message})`);
      for (const waiting of pending.values()) waiting.reject(stopped);
      pending.clear();
      reject(stopped);
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`exit code ${code}`)));
  });
  await ready;
  worker.unref();

  function call<T>(request: RequestBody): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      // The thread keeps the process alive only while a statement is awaited, as a socket would.
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }
  const queryableIn = (tx?: number): Queryable => ({
    query: <R>(sql: string, params: unknown[] = []) => call<QueryResult<R>>({ kind: 'query', sql, params, tx }),
    exec: (sql: string) => call<void>({ kind: 'exec', sql, tx }),
  });

  return {
    backend: 'embedded',
    ...queryableIn(),
    async transaction(work) {
      const tx = await call<number>({ kind: 'begin' });
      let result;
      try {
        result = await work(queryableIn(tx));
      } catch (error) {
        await call({ kind: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ kind: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, onMessage) {
      const listener = await call<number>({ kind: 'listen', channel });
      notified.set(listener, onMessage);
      return async () => {
        notified.delete(listener);
        await call({ kind: 'unlisten', listener });
      };
    },
    ping: () => call<void>({ kind: 'ping' }),
    async close() {
      if (stopped) return;
      await call({ kind: 'close' });
      await worker.terminate();
    },
  };
}

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

/** The store's view of a PGlite instance run on this thread (another build with the same interface). */
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
    ping: async () => {
      await pglite.query('select 1');
    },
    close: () => pglite.close(),
  };
}
