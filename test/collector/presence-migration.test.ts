import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../collector/src/store/migrate.js';
import { migrations } from '../../collector/src/store/migrations/index.js';
import { TIME_SERIES_BACKENDS } from '../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const PRESENCE_MIGRATION = 26;

describe.each(TIME_SERIES_BACKENDS)('heartbeat rows become stretches online (%s)', (backend) => {
  let database: TestDatabase;
  const agentId = '6f1c1d6e-8c1a-4d8e-9a55-0b2f3c4d5e6f';

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await migrate(database.db, migrations.filter((m) => m.id < PRESENCE_MIGRATION));
    const db = database.db;
    await db.query(`insert into agents (id, hostname, platform, agent_version, token_hash, last_seen_at)
                    values ($1, 'ws-1', 'linux', '0.1.0', 'hash', now() - interval '30 seconds')`, [agentId]);
    // Two old stretches (beats every 30 s for five minutes, a day apart) and the current one.
    await db.query(`insert into agent_heartbeats (time, agent_id, uptime_seconds)
                    select t, $1::uuid, 1 from generate_series(now() - interval '2 days', now() - interval '2 days' + interval '5 minutes', interval '30 seconds') t
                    union all select t, $1::uuid, 1 from generate_series(now() - interval '1 day', now() - interval '1 day' + interval '5 minutes', interval '30 seconds') t
                    union all select t, $1::uuid, 1 from generate_series(now() - interval '10 minutes', now() - interval '30 seconds', interval '30 seconds') t`, [agentId]);
    await migrate(db);
  });
  afterAll(async () => database?.drop());

  it('keeps past stretches as history and the current one on the agent', async () => {
    const { rows } = await database.db.query<{ minutes: number }>(
      'select round(extract(epoch from ended_at - started_at) / 60)::int as minutes from agent_presence where agent_id = $1 order by started_at', [agentId]);
    expect(rows.map((r) => r.minutes)).toEqual([5, 5]);
    const { rows: agent } = await database.db.query<{ open_seconds: number; online: boolean }>(
      `select round(extract(epoch from last_seen_at - online_since))::int as open_seconds, online_until > now() as online from agents where id = $1`, [agentId]);
    // From the first beat of the current stretch (ten minutes ago) to the agent's last sighting (30 s ago).
    expect(agent[0]).toEqual({ open_seconds: 570, online: true });
    const { rows: tables } = await database.db.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name = 'agent_heartbeats'");
    expect(tables[0]?.n).toBe(0);
  });
});
