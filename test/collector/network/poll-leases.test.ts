import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpProbeResult } from '@steward/shared';
import { migrate } from '../../../collector/src/store/migrate.js';
import { openDatabase } from '../../../collector/src/store/open.js';
import type { Database } from '../../../collector/src/store/database.js';
import { claimDueTargets, completePoll, nextDueAt, releaseLeases, upsertTarget } from '../../../collector/src/store/network/targets.js';
import { insertDevice } from '../../../collector/src/store/reports.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const system: SnmpProbeResult['system'] = { sysName: 'sw', sysObjectID: '1.3.6.1.4.1.9.1.516' };

async function addTargets(db: Database, count: number, intervalSeconds: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await insertDevice(db, id, 'snmp', `sw-${i}`);
    await upsertTarget(db, id, {
      host: `10.0.0.${i + 1}`, port: 161, credentialId: null, system, identity: {}, problems: [], probedAt: new Date().toISOString(),
    }, intervalSeconds);
    ids.push(id);
  }
  return ids;
}

const scheduleOf = async (db: Database, id: string) =>
  (await db.query<{ next_poll_at: Date; lease_until: Date | null; leased_by: string | null }>(
    'select next_poll_at, lease_until, leased_by from snmp_targets where device_id = $1', [id],
  )).rows[0]!;

describe.each(CONTRACT_BACKENDS)('polling leases on %s', (backend) => {
  let t: TestDatabase;
  // One migrated database for the file: migrating takes longer than every test here.
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  }, 120_000);
  afterAll(async () => t?.drop());
  afterEach(async () => {
    await t.db.query("delete from devices where kind = 'snmp'");
  });

  it('hands each due device to one collector until its lease ends or its poll completes', async () => {
    const db = t.db;
    const ids = await addTargets(db, 5, 60);
    const a = await claimDueTargets(db, 'collector-a', 3, 30);
    const b = await claimDueTargets(db, 'collector-b', 10, 30);
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(2);
    expect(new Set([...a, ...b].map((t) => t.device_id))).toEqual(new Set(ids));
    expect(await claimDueTargets(db, 'collector-b', 10, 30)).toEqual([]);

    const polled = a[0]!.device_id;
    const due = (await scheduleOf(db, polled)).next_poll_at;
    expect(await completePoll(db, polled, 'collector-a', { up: true, error: null, sample: null })).toEqual({ wasUp: null });
    const after = await scheduleOf(db, polled);
    // The next poll is one interval after the one that was due, not after the poll ended.
    expect(new Date(after.next_poll_at).getTime() - new Date(due).getTime()).toBe(60_000);
    expect(after).toMatchObject({ lease_until: null, leased_by: null });
    expect(await claimDueTargets(db, 'collector-b', 10, 30)).toEqual([]);
    // Nothing is due before the earliest lease ends or the next poll comes.
    const next = await nextDueAt(db);
    expect(next!.getTime()).toBeGreaterThan(Date.now() + 25_000);
  });

  it('gives a dead collector\'s devices to another once its lease has run out, and drops the late poll', async () => {
    const db = t.db;
    const ids = await addTargets(db, 2, 60);
    expect(await claimDueTargets(db, 'dies', 10, 1)).toHaveLength(2);
    expect(await claimDueTargets(db, 'lives', 10, 30)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    const taken = await claimDueTargets(db, 'lives', 10, 30);
    expect(taken.map((t) => t.device_id).sort()).toEqual([...ids].sort());
    // The dead collector's poll, finishing late, is not recorded over the new holder's lease.
    expect(await completePoll(db, ids[0]!, 'dies', { up: true, error: null, sample: null })).toBeUndefined();
    expect((await scheduleOf(db, ids[0]!)).leased_by).toBe('lives');
  });

  it('schedules an overdue device one interval from now, and takes back leases given up', async () => {
    const db = t.db;
    const [id] = await addTargets(db, 1, 120);
    await db.query("update snmp_targets set next_poll_at = now() - interval '1 day'");
    await claimDueTargets(db, 'me', 1, 30);
    await completePoll(db, id!, 'me', { up: false, error: 'no answer', sample: null });
    const next = new Date((await scheduleOf(db, id!)).next_poll_at).getTime();
    expect(next).toBeGreaterThan(Date.now() + 110_000);
    expect(next).toBeLessThan(Date.now() + 130_000);

    await db.query('update snmp_targets set next_poll_at = now()');
    await claimDueTargets(db, 'me', 1, 30);
    await releaseLeases(db, 'me', [id!]);
    expect(await claimDueTargets(db, 'other', 1, 30)).toHaveLength(1);
  });

  it.skipIf(backend !== 'postgres')('never gives one device to two collectors claiming at the same moment', async () => {
    await addTargets(t.db, 40, 60);
    const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: t.url!, dataDir: '' })));
    try {
      const claims = await Promise.all(handles.map((h, i) => claimDueTargets(h, `c${i}`, 15, 30)));
      const all = claims.flat().map((c) => c.device_id);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(40);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});
