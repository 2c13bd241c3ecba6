import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, recordPresence } from '../../collector/src/store/agents.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const AGENT = '0b6f8f4e-2f5e-4c1a-9d1e-6a7b8c9d0e1f';
const DAY = 86_400_000;

/** Heartbeat history on TimescaleDB: a hypertable whose policies compress old stretches and drop older ones. */
describe('presence history on TimescaleDB', () => {
  let database: TestDatabase;
  const query = async <R>(sql: string, params: unknown[] = []) => (await database.db.query<R>(sql, params)).rows;
  const job = async (proc: string) => (await query<{ job_id: number }>(
    "select job_id from timescaledb_information.jobs where hypertable_name = 'agent_presence' and proc_name = $1", [proc]))[0]!.job_id;

  beforeAll(async () => {
    database = await createTestDatabase('timescaledb');
    await migrate(database.db);
    await insertAgent(database.db, { id: AGENT, hostname: 'ws-1', platform: 'linux', agentVersion: '0.1.0', tokenHash: 'hash' });
  });
  afterAll(async () => database?.drop());

  it('applies every migration with the time series as hypertables', async () => {
    expect(await query("select extversion from pg_extension where extname = 'timescaledb'")).toHaveLength(1);
    const tables = (await query<{ hypertable_name: string }>('select hypertable_name from timescaledb_information.hypertables')).map((r) => r.hypertable_name);
    expect(tables).toEqual(expect.arrayContaining(['agent_presence', 'software_changes']));
    expect(tables).not.toContain('agent_heartbeats');
  });

  it('writes heartbeat batches into the hypertable when an agent comes back', async () => {
    const at = (msAgo: number) => new Date(Date.now() - msAgo);
    await recordPresence(database.db, [{ agentId: AGENT, at: at(3_600_000), onlineUntil: at(3_540_000), address: null, clockSkewSeconds: null, uptimeSeconds: 1 }]);
    await recordPresence(database.db, [{ agentId: AGENT, at: at(60_000), onlineUntil: at(0), address: null, clockSkewSeconds: null, uptimeSeconds: 2 }]);
    const rows = await query<{ n: number }>('select count(*)::int as n from agent_presence where agent_id = $1', [AGENT]);
    expect(rows[0]?.n).toBe(1);
  });

  it('compresses stretches older than a month and drops those past retention, by its own jobs', async () => {
    for (const daysAgo of [500, 450, 120, 60]) {
      const started = new Date(Date.now() - daysAgo * DAY);
      await database.db.query('insert into agent_presence (agent_id, started_at, ended_at) values ($1, $2, $3)', [AGENT, started, new Date(started.getTime() + 3_600_000)]);
    }
    const chunks = async () => query<{ range_end: Date; is_compressed: boolean }>(
      "select range_end, is_compressed from timescaledb_information.chunks where hypertable_name = 'agent_presence' order by range_start");
    const before = await chunks();
    expect(before.some((c) => c.is_compressed)).toBe(false);

    await database.db.exec(`call run_job(${await job('policy_compression')})`);
    const compressed = await chunks();
    const monthAgo = Date.now() - 30 * DAY;
    expect(compressed.filter((c) => new Date(c.range_end).getTime() < monthAgo).every((c) => c.is_compressed)).toBe(true);
    expect(compressed.some((c) => c.is_compressed)).toBe(true);
    expect(compressed.filter((c) => new Date(c.range_end).getTime() > Date.now()).every((c) => !c.is_compressed)).toBe(true);

    await database.db.exec(`call run_job(${await job('policy_retention')})`);
    const kept = await chunks();
    expect(kept.length).toBeLessThan(compressed.length);
    expect(kept.every((c) => new Date(c.range_end).getTime() > Date.now() - 400 * DAY)).toBe(true);
    const days = (await query<{ days: number }>('select round(extract(epoch from now() - started_at) / 86400)::int as days from agent_presence order by started_at'))
      .map((r) => r.days);
    expect(days.filter((d) => d >= 400)).toEqual([]);
    expect(days).toEqual(expect.arrayContaining([120, 60]));
  });
});
