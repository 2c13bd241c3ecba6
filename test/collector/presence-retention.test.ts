import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../collector/src/store/migrate.js';
import { PRESENCE_RETENTION_DAYS, prunePresence } from '../../collector/src/store/presence-retention.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe.each(CONTRACT_BACKENDS)('presence history retention without TimescaleDB (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await migrate(database.db);
  });
  afterAll(async () => database?.drop());

  it('deletes the stretches that ended before the window and keeps the rest, one collector at a time', async () => {
    const agent = randomUUID();
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    for (const days of [PRESENCE_RETENTION_DAYS + 30, PRESENCE_RETENTION_DAYS + 1, PRESENCE_RETENTION_DAYS - 1, 2]) {
      await database.db.query('insert into agent_presence (agent_id, started_at, ended_at) values ($1, $2, $3)', [agent, ago(days + 0.5), ago(days)]);
    }
    expect(await database.db.transaction((tx) => prunePresence(tx))).toBe(2);
    const { rows } = await database.db.query<{ n: number }>('select count(*)::int as n from agent_presence where agent_id = $1', [agent]);
    expect(rows[0]?.n).toBe(2);
    if (backend === 'postgres') {
      // While one collector prunes, another skips rather than waits.
      await database.db.transaction(async (tx) => {
        expect(await prunePresence(tx)).toBe(0);
        expect(await prunePresence(database.db)).toBe(false);
      });
    }
  });
});
