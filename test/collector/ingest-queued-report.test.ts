import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

// Two sessions at once: the embedded database has one, so this is PostgreSQL's alone.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a report that waited for another of the same agent (postgres)', () => {
  let t: TestDatabase;
  let agent: AgentRow;
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, minutes)).toISOString();

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await migrate(t.db);
    const id = randomUUID();
    await insertAgent(t.db, { id, hostname: 'ws-0142', platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
    agent = { id, hostname: 'ws-0142', device_id: null, revoked_at: null };
  });
  afterAll(async () => t?.drop());

  it('is judged against what the report before it left, not what that one replaced', async () => {
    const first = await ingestReport(t.db, agent, inventoryReport.parse(makeReport(agent.id, { collectedAt: at(0), software: syntheticSoftware(20) })), randomUUID());
    const deviceId = first.answer.deviceId;
    // Another report of this agent, collected at 09:30, holds the agent's lock while it is stored.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    const other = t.db.transaction(async (tx) => {
      await tx.query('select 1 from agents where id = $1 for update', [agent.id]);
      await tx.query('update devices set last_collected_at = $2, content_hash = $3 where id = $1', [deviceId, at(30), 'held-by-the-newer-report']);
      await tx.query('update agents set last_seen_at = now() where id = $1', [agent.id]);
      locked();
      await held;
    });
    await isLocked;
    // Collected at 09:10: older than the report ahead of it, so it is recorded and not applied.
    const late = inventoryReport.parse(makeReport(agent.id, { collectedAt: at(10), software: syntheticSoftware(20, 3) }));
    const storing = ingestReport(t.db, agent, late, randomUUID());
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    await storing;
    const { rows } = await t.db.query<{ applied: boolean; last: Date; hash: string }>(
      `select r.applied, d.last_collected_at as last, d.content_hash as hash
         from agent_reports r join devices d on d.id = r.device_id where r.report_id = $1`,
      [late.reportId],
    );
    expect(rows[0]?.applied).toBe(false);
    expect(new Date(rows[0]!.last).toISOString()).toBe(at(30));
    expect(rows[0]?.hash).toBe('held-by-the-newer-report');
  });
});
