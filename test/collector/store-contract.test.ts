import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { migrations } from '../../collector/src/store/migrations/index.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { listDevices, getDevice } from '../../collector/src/store/devices.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { ApiProblem } from '../../collector/src/services/errors.js';
import { notify } from '../../collector/src/store/notify.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { machineOf, makeReport, syntheticSoftware } from '../support/reports.js';

async function newAgent(t: TestDatabase, hostname = 'ws'): Promise<AgentRow> {
  const id = randomUUID();
  await insertAgent(t.db, { id, hostname, platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
  return { id, hostname, device_id: null, revoked_at: null };
}

const parse = (input: ReturnType<typeof makeReport>) => inventoryReport.parse(input);

describe.each(CONTRACT_BACKENDS)('store contract on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  });
  afterAll(async () => t?.drop());

  it('applies every migration once, and a second run applies none', async () => {
    const { rows } = await t.db.query<{ id: number }>('select id from schema_migrations order by id');
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('stores a first report with its device and every software entry', async () => {
    const agent = await newAgent(t);
    const report = parse(makeReport(agent.id));
    const outcome = await ingestReport(t.db, agent, report, 'hash-1');
    expect(outcome.change).toBe('created');
    const device = await getDevice(t.db, outcome.answer.deviceId);
    expect(device?.hostname).toBe('ws-0142');
    expect(device?.software).toHaveLength(report.software.length);
    expect(device?.macAddresses).toEqual([machineOf(agent.id).mac]);
  });

  it('answers a replay as a duplicate and refuses the same id with another body', async () => {
    const agent = await newAgent(t);
    const report = parse(makeReport(agent.id));
    const first = await ingestReport(t.db, agent, report, 'body-a');
    const again = await ingestReport(t.db, agent, report, 'body-a');
    expect(again.answer).toEqual({ ...first.answer, duplicate: true });
    await expect(ingestReport(t.db, agent, report, 'body-b')).rejects.toMatchObject({ statusCode: 409 });
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from agent_reports where report_id = $1', [report.reportId]);
    expect(rows[0]?.n).toBe(1);
  });

  it('stores concurrent copies of one report once', async () => {
    const agent = await newAgent(t);
    const report = parse(makeReport(agent.id, { software: syntheticSoftware(500) }));
    const outcomes = await Promise.all([1, 2, 3].map(() => ingestReport(t.db, agent, report, 'same')));
    expect(outcomes.filter((o) => !o.answer.duplicate)).toHaveLength(1);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from device_software where device_id = $1', [outcomes[0]!.answer.deviceId]);
    expect(rows[0]?.n).toBe(500);
  });

  it('records upgrades, additions and removals between reports, and keeps first-seen dates', async () => {
    const agent = await newAgent(t);
    const before = syntheticSoftware(10);
    const first = await ingestReport(t.db, agent, parse(makeReport(agent.id, { software: before })), 'h1');
    const after = [
      ...before.slice(1, 9),
      { ...before[9]!, version: '99.0' },
      { name: 'new-tool', version: '1.0', source: 'dpkg' as const, arch: 'amd64' },
    ];
    await ingestReport(t.db, agent, parse(makeReport(agent.id, { software: after, collectedAt: new Date(Date.now() + 1000).toISOString() })), 'h2');
    const { rows } = await t.db.query<{ change: string; name: string; old_version: string | null; new_version: string | null }>(
      'select change, name, old_version, new_version from software_changes where device_id = $1 order by change, name',
      [first.answer.deviceId],
    );
    expect(rows).toEqual([
      { change: 'added', name: 'new-tool', old_version: null, new_version: '1.0' },
      { change: 'removed', name: 'package-0', old_version: before[0]!.version, new_version: null },
      { change: 'upgraded', name: 'package-9', old_version: before[9]!.version, new_version: '99.0' },
    ]);
    const kept = await t.db.query<{ first_seen: Date }>(
      "select first_seen from device_software where device_id = $1 and name = 'package-1'", [first.answer.deviceId]);
    const added = await t.db.query<{ first_seen: Date }>(
      "select first_seen from device_software where device_id = $1 and name = 'new-tool'", [first.answer.deviceId]);
    expect(new Date(kept.rows[0]!.first_seen).getTime()).toBeLessThan(new Date(added.rows[0]!.first_seen).getTime());
  });

  it('never lets an older report overwrite a newer one', async () => {
    const agent = await newAgent(t);
    const newer = parse(makeReport(agent.id, { collectedAt: '2026-06-02T10:00:00Z', software: syntheticSoftware(3, 1) }));
    const older = parse(makeReport(agent.id, { collectedAt: '2026-06-01T10:00:00Z', software: syntheticSoftware(7, 2) }));
    const stored = await ingestReport(t.db, agent, newer, 'n');
    const late = await ingestReport(t.db, agent, older, 'o');
    expect(late.answer.duplicate).toBe(false);
    const device = await getDevice(t.db, stored.answer.deviceId);
    expect(device?.lastReportId).toBe(newer.reportId);
    expect(device?.software).toHaveLength(3);
  });

  it('refuses a report that names another agent', async () => {
    const agent = await newAgent(t);
    const other = await newAgent(t);
    await expect(ingestReport(t.db, agent, parse(makeReport(other.id)), 'x')).rejects.toBeInstanceOf(ApiProblem);
  });

  it('stores a report with 20,000 software entries completely', async () => {
    const agent = await newAgent(t);
    const report = parse(makeReport(agent.id, { software: syntheticSoftware(20_000) }));
    const outcome = await ingestReport(t.db, agent, report, 'big');
    const { rows } = await t.db.query<{ n: number; distinct: number }>(
      'select count(*)::int as n, count(distinct name)::int as distinct from device_software where device_id = $1',
      [outcome.answer.deviceId],
    );
    expect(rows[0]).toEqual({ n: 20_000, distinct: 20_000 });
  });

  it('lists devices with search, sort and paging', async () => {
    for (const name of ['alpha-db01', 'beta-web02', 'gamma-web03']) {
      const agent = await newAgent(t, name);
      await ingestReport(t.db, agent, parse(makeReport(agent.id, { identity: { hostname: name, macAddresses: [] } })), name);
    }
    const web = await listDevices(t.db, { search: 'WEB', limit: 10, offset: 0, sort: 'hostname', order: 'desc' });
    expect(web.items.map((d) => d.hostname)).toEqual(['gamma-web03', 'beta-web02']);
    expect(web.total).toBe(2);
    const page = await listDevices(t.db, { limit: 1, offset: 1, sort: 'hostname', order: 'asc', search: '-' });
    expect(page.items.map((d) => d.hostname)).toEqual(['beta-web02']);
    const literal = await listDevices(t.db, { search: '%', limit: 10, offset: 0, sort: 'hostname', order: 'asc' });
    expect(literal.total).toBe(0);
  });

  it('rolls a failed transaction back entirely', async () => {
    const id = randomUUID();
    await expect(t.db.transaction(async (tx) => {
      await tx.query("insert into devices (id, kind, hostname) values ($1, 'agent', 'half')", [id]);
      await tx.query('select 1/0');
    })).rejects.toThrow();
    const { rows } = await t.db.query('select 1 from devices where id = $1', [id]);
    expect(rows).toHaveLength(0);
  });

  it('delivers notifications to listeners', async () => {
    const received: string[] = [];
    const stop = await t.db.listen('steward_test_channel', (p) => received.push(p));
    await notify(t.db, 'steward_test_channel', 'hello');
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(received).toEqual(['hello']);
  });
});
