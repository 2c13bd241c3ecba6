import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';
import { watchedDatabase } from '../support/watched-database.js';

describe.each(CONTRACT_BACKENDS)('a full report of what the device already holds (%s)', (backend) => {
  let database: TestDatabase;
  let agent: AgentRow;
  const software = syntheticSoftware(300);
  const report = (over: Parameters<typeof makeReport>[1] = {}) => inventoryReport.parse(makeReport(agent.id, { software, ...over }));
  const rowVersions = async (deviceId: string) => (await database.db.query<{ v: string }>(
    'select string_agg(xmin::text, \',\' order by name, version) as v from device_software where device_id = $1', [deviceId])).rows[0]!.v;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await migrate(database.db);
    const id = randomUUID();
    await insertAgent(database.db, { id, hostname: 'ws-0142', platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
    agent = { id, hostname: 'ws-0142', device_id: null, revoked_at: null };
  });
  afterAll(async () => database?.drop());

  it('touches no software row, reports no change, and costs a fraction of the first inventory', async () => {
    const { db, watch } = watchedDatabase(database.db);
    const first = report();
    let before = watch.statements;
    const stored = await ingestReport(db, agent, first, first.reportId);
    const firstStatements = watch.statements - before;
    expect(stored.change).toBe('created');
    const versions = await rowVersions(stored.answer.deviceId);

    const again = report({ collectedAt: new Date(Date.now() + 1000).toISOString(), os: { ...first.os, uptimeSeconds: 999 } });
    before = watch.statements;
    const outcome = await ingestReport(db, agent, again, again.reportId);
    expect(outcome.change).toBeUndefined();
    expect(outcome.unchanged).toBe(true);
    expect(outcome.answer).toMatchObject({ duplicate: false, contentHash: stored.answer.contentHash, softwareCount: software.length });
    expect(await rowVersions(stored.answer.deviceId)).toBe(versions);
    expect(watch.statements - before).toBeLessThan(firstStatements);
    const { rows } = await database.db.query<{ last_report_id: string; uptime: number }>(
      "select last_report_id, (os->>'uptimeSeconds')::int as uptime from devices where id = $1", [stored.answer.deviceId]);
    expect(rows[0]).toEqual({ last_report_id: again.reportId, uptime: 999 });
  });

  it('still applies a report whose software changed', async () => {
    const changed = report({ collectedAt: new Date(Date.now() + 5000).toISOString(), software: software.slice(1) });
    const outcome = await ingestReport(database.db, agent, changed, changed.reportId);
    expect(outcome.change).toBe('updated');
    const { rows } = await database.db.query<{ n: number }>('select count(*)::int as n from device_software where device_id = $1', [outcome.answer.deviceId]);
    expect(rows[0]?.n).toBe(software.length - 1);
  });
});
