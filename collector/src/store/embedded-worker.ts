import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { errorFields, type EmbeddedReply, type EmbeddedRequest, type EmbeddedWorkerData } from './embedded-worker-protocol.js';

/**
 * The thread that owns the embedded database. Requests arrive as messages; PGlite's own lock
 * orders them, so a statement outside a transaction waits for an open transaction to end, as it
 * would in the collector's thread. Pings are answered at once, between statements.
 */
const port = parentPort!;
const { dataDir, seed } = workerData as EmbeddedWorkerData;

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  ended: Promise<void>;
}

const ROLLBACK = Symbol('rollback');
const transactions = new Map<number, OpenTransaction>();
const listeners = new Map<number, () => Promise<void>>();
let nextId = 0;

function send(reply: EmbeddedReply): void {
  port.postMessage(reply);
}

function begin(pglite: PGlite): Promise<number> {
  return new Promise((started, failed) => {
    const id = ++nextId;
    let opened = false;
    const ended = pglite.transaction(async (tx) => {
      const outcome = new Promise<boolean>((resolve) => {
        transactions.set(id, { tx, finish: resolve, ended });
      });
      opened = true;
      started(id);
      if (!(await outcome)) throw ROLLBACK;
    }).then(() => undefined, (error: unknown) => {
      if (error !== ROLLBACK) throw error;
    }).finally(() => transactions.delete(id));
    ended.catch((error: unknown) => {
      if (!opened) failed(error);
    });
  });
}

function transactionOf(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  return open;
}

async function answer(pglite: PGlite, request: EmbeddedRequest): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const target = request.tx === undefined ? pglite : transactionOf(request.tx).tx;
      const result = await target.query(request.sql, request.params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    }
    case 'exec':
      await (request.tx === undefined ? pglite : transactionOf(request.tx).tx).exec(request.sql);
      return undefined;
    case 'begin':
      return begin(pglite);
    case 'end': {
      const open = transactionOf(request.tx);
      open.finish(request.commit);
      await open.ended;
      return undefined;
    }
    case 'listen': {
      const listener = ++nextId;
      listeners.set(listener, await pglite.listen(request.channel, (payload) => send({ kind: 'notify', listener, payload })));
      return listener;
    }
    case 'unlisten':
      await listeners.get(request.listener)?.();
      listeners.delete(request.listener);
      return undefined;
    case 'ping':
      if (pglite.closed) throw new Error('PGlite is closed');
      return undefined;
    case 'close':
      await pglite.close();
      return undefined;
  }
}

async function serve(): Promise<void> {
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(seed ? { loadDataDir: new Blob([seed]) } : {}) });
    // Zero-filling each new 16 MB WAL file grows it write by write in the emulated file system,
    // copying it again at every step; unfilled, it is made at full size once. The one session
    // lasts as long as the database, so the setting holds for all of its work.
    await pglite.exec('set wal_init_zero = off');
  } catch (error) {
    send({ kind: 'failed', error: errorFields(error) });
    return;
  }
  port.on('message', (request: EmbeddedRequest) => {
    answer(pglite, request).then(
      (value) => send({ id: request.id, ok: true, value }),
      (error: unknown) => send({ id: request.id, ok: false, error: errorFields(error) }),
    );
  });
  send({ kind: 'ready' });
}

void serve();
