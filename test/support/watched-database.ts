import type { Database, Queryable } from '../../collector/src/store/database.js';

/** Statements that write heartbeats: the presence batch and the disconnections batch. */
const isHeartbeatWrite = (sql: string) => sql.includes('agent_presence') || sql.includes('online_until = g.at');

/**
 * The database as a collector sees it, counting every statement (and the heartbeat writes apart),
 * and failing the next heartbeat writes on demand as a busy pool would.
 */
export function watchedDatabase(db: Database) {
  const watch = { statements: 0, heartbeatStatements: 0, failNext: 0 };
  const query: Queryable['query'] = async (sql, params) => {
    watch.statements++;
    if (isHeartbeatWrite(sql)) {
      watch.heartbeatStatements++;
      if (watch.failNext > 0) {
        watch.failNext--;
        throw new Error('timeout exceeded when trying to connect');
      }
    }
    return db.query(sql, params);
  };
  const counted = (tx: Queryable): Queryable => ({
    query: (sql, params) => {
      watch.statements++;
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  });
  const wrapped: Database = {
    backend: db.backend,
    query,
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction((tx) => work(counted(tx))),
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    ping: () => db.ping(),
    close: () => db.close(),
  };
  return { db: wrapped, watch };
}
