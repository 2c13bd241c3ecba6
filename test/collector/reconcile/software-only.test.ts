import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../../collector/src/store/agents.js';
import { ingestReport } from '../../../collector/src/services/ingest.js';
import { claimQueuedDevices, queueDevices } from '../../../collector/src/store/reconcile/queue.js';
import { reconcileDeviceIn } from '../../../collector/src/reconcile/run/reconcile-device.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

describe.each(CONTRACT_BACKENDS)('reconciling a device whose software alone moved (%s)', (backend) => {
  let t: TestDatabase;
  let agent: AgentRow;
  const software = syntheticSoftware(40);
  const report = (over: Parameters<typeof makeReport>[1] = {}) => inventoryReport.parse(makeReport(agent.id, { software, ...over }));
  const keysOf = async (deviceId: string) => (await t.db.query<{ key: string }>(
    'select key from device_identity_keys where device_id = $1 order by key', [deviceId])).rows.map((r) => r.key);
  /** The device's titles no reconciliation has normalised yet. */
  const unnormalised = async (deviceId: string) => (await t.db.query<{ n: number }>(
    `select count(*)::int as n from device_software s join software_titles t on t.id = s.title_id
      where s.device_id = $1 and t.generation = -1`,
    [deviceId])).rows[0]!.n;
  const claimAll = () => t.db.transaction((tx) => claimQueuedDevices(tx, 100));

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
    const id = randomUUID();
    await insertAgent(t.db, { id, hostname: 'ws-0142', platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
    agent = { id, hostname: 'ws-0142', device_id: null, revoked_at: null };
  });
  afterAll(async () => t?.drop());

  it('says so for a report that changed only software, and not for one that changed the hardware', async () => {
    const first = await ingestReport(t.db, agent, report(), randomUUID());
    expect(first.change).toBe('created');
    expect(first.softwareOnly).toBeUndefined();
    const upgraded = software.map((s, i) => (i === 3 ? { ...s, version: `${s.version ?? ''}.1` } : s));
    const moved = await ingestReport(t.db, agent, report({ software: upgraded }), randomUUID());
    expect(moved).toMatchObject({ change: 'updated', softwareOnly: true });
    const base = makeReport(agent.id);
    const rebuilt = await ingestReport(t.db, agent, report({ software: upgraded, hardware: { ...base.hardware, cpu: { brand: 'Intel Core i9-10900', cores: 10, threads: 20 } } }), randomUUID());
    expect(rebuilt.change).toBe('updated');
    expect(rebuilt.softwareOnly).toBeUndefined();
  });

  it('keeps the mark only while nothing else asked for the device', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [a, b, c]) await t.db.query(`insert into devices (id, kind, hostname) values ($1, 'agent', $2)`, [id, `q-${id.slice(0, 4)}`]);
    await queueDevices(t.db, [a, b], { softwareOnly: true });
    await queueDevices(t.db, [c]);
    // Asked again for another reason: a full reconciliation; asked again for software: still full.
    await queueDevices(t.db, [b]);
    await queueDevices(t.db, [c], { softwareOnly: true });
    const claimed = Object.fromEntries((await claimAll()).map((d) => [d.deviceId, d.softwareOnly]));
    expect(claimed[a]).toBe(true);
    expect(claimed[b]).toBe(false);
    expect(claimed[c]).toBe(false);
  });

  it('refreshes the software of a software-only device and leaves its identifiers to a full one', async () => {
    const deviceId = (await ingestReport(t.db, agent, report({ software: syntheticSoftware(10, 9) }), randomUUID())).answer.deviceId;
    expect(await unnormalised(deviceId)).toBeGreaterThan(0);
    await t.db.query('delete from device_identity_keys where device_id = $1', [deviceId]);
    await t.db.transaction((tx) => reconcileDeviceIn(t.db, tx, deviceId, { softwareOnly: true }));
    expect(await unnormalised(deviceId)).toBe(0);
    expect(await keysOf(deviceId)).toEqual([]);
    await t.db.transaction((tx) => reconcileDeviceIn(t.db, tx, deviceId));
    expect(await keysOf(deviceId)).toEqual(expect.arrayContaining(['serial']));
  });

  it('takes the full path for a device whose linked asset is open as missing, so its report settles it', async () => {
    const deviceId = (await ingestReport(t.db, agent, report({ software: syntheticSoftware(10, 19) }), randomUUID())).answer.deviceId;
    const [assetId, categoryId] = [randomUUID(), randomUUID()];
    await t.db.query(`insert into register_categories (id, name, kind) values ($1, 'Software-only test', 'hardware')`, [categoryId]);
    await t.db.query(`insert into register_assets (id, tag, name, category_id, status) values ($1, 'SO-1', 'Laptop back from leave', $2, 'deployed')`,
      [assetId, categoryId]);
    await t.db.query(`insert into device_asset_links (device_id, asset_id, method, key, confidence) values ($1, $2, 'manual', 'serial', 1)
                      on conflict (device_id) do update set asset_id = excluded.asset_id`, [deviceId, assetId]);
    await t.db.query(`insert into findings (id, key, type, asset_id, summary) values ($1, $2, 'missing', $3, 'not seen for 30 days')`,
      [randomUUID(), `missing:${assetId}`, assetId]);
    await t.db.query('delete from device_identity_keys where device_id = $1', [deviceId]);
    await t.db.transaction((tx) => reconcileDeviceIn(t.db, tx, deviceId, { softwareOnly: true }));
    expect(await keysOf(deviceId)).toEqual(expect.arrayContaining(['serial']));
    const { rows } = await t.db.query<{ state: string }>(`select state from findings where asset_id = $1 and type = 'missing'`, [assetId]);
    expect(rows.map((r) => r.state)).toEqual(['resolved']);
  });
});
