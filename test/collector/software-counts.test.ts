import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport, type SoftwareEntry } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { searchInstalledSoftware } from '../../collector/src/store/software-inventory.js';
import { foldSoftwareCountChanges, pendingSoftwareCountChanges } from '../../collector/src/store/software-counts.js';
import { startSoftwareCountFold } from '../../collector/src/software/software-counts-fold.js';
import type { Queryable } from '../../collector/src/store/database.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { makeReport } from '../support/reports.js';

/** What a search must answer, counted from the installed rows themselves at the moment of asking. */
async function countedFromInstalls(db: Queryable, term: string) {
  const { rows } = await db.query<{ name: string; publisher: string | null; devices: number; installs: number; versions: string[] }>(
    `select ds.name, nullif(coalesce(ds.publisher, ''), '') as publisher, count(distinct ds.device_id)::int as devices, count(*)::int as installs,
            array_agg(distinct coalesce(ds.version, '')) as versions
       from device_software ds where strpos(lower(ds.name), lower($1)) > 0
      group by ds.name, coalesce(ds.publisher, '')`,
    [term],
  );
  const byNumbers = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return rows.map((r) => ({ ...r, versions: r.versions.filter((v) => v !== '').sort(byNumbers) }))
    .sort((a, b) => b.devices - a.devices || a.name.localeCompare(b.name) || (a.publisher ?? '').localeCompare(b.publisher ?? ''));
}

const asSet = (rows: Awaited<ReturnType<typeof countedFromInstalls>>) =>
  rows.map((r) => `${r.name}|${r.publisher ?? ''}|${r.devices}|${r.installs}|${r.versions.join(',')}`).sort();

/** A machine's software: shared titles in versions that vary by machine, some of them twice, some without publisher or version. */
function softwareOf(machine: number, round: number): SoftwareEntry[] {
  const list: SoftwareEntry[] = [];
  for (let i = 0; i < 40; i++) {
    if ((i + machine + round) % 5 === 0) continue;
    list.push({ source: 'dpkg', name: `libcount-${i % 17}`, version: `${1 + ((i + machine * round) % 4)}.${i % 3}`, publisher: i % 6 === 0 ? undefined : `Maker ${i % 3}`, arch: i % 2 ? 'amd64' : 'i386' });
  }
  list.push({ source: 'msi', name: 'Count Viewer', version: machine % 3 === 0 ? undefined : `${machine % 2}.0`, publisher: 'Count Corp' });
  // Two versions of one title side by side: the device is one holder, with two installs.
  if (machine % 2 === 0) list.push({ source: 'msi', name: 'Count Viewer', version: '3.0', publisher: 'Count Corp', arch: 'x64' });
  return list;
}

describe.each(CONTRACT_BACKENDS)('software counts kept as installs come and go (%s)', (backend) => {
  let database: TestDatabase;
  const agents: AgentRow[] = [];
  const deviceIds: string[] = [];
  const terms = ['libcount', 'libcount-1', 'count viewer', 'count', 'no-such-title'];

  async function expectExact(when: string) {
    for (const term of terms) {
      const truth = await countedFromInstalls(database.db, term);
      const found = await searchInstalledSoftware(database.db, term, 1000);
      expect(asSet(found.map((f) => ({ ...f, publisher: f.publisher ?? null }))), `${when}: "${term}"`).toEqual(asSet(truth));
      // Ordered by devices, most first.
      expect(found.map((f) => f.devices)).toEqual([...found.map((f) => f.devices)].sort((a, b) => b - a));
    }
  }

  async function report(n: number, round: number) {
    const r = inventoryReport.parse(makeReport(agents[n]!.id, { software: softwareOf(n, round) }));
    const stored = await ingestReport(database.db, agents[n]!, r, r.reportId);
    deviceIds[n] = stored.answer.deviceId;
    agents[n] = { ...agents[n]!, device_id: stored.answer.deviceId };
  }

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await migrate(database.db);
    for (let n = 0; n < 8; n++) {
      const id = randomUUID();
      await insertAgent(database.db, { id, hostname: `count-${n}`, platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
      agents.push({ id, hostname: `count-${n}`, device_id: null, revoked_at: null });
    }
  });
  afterAll(async () => database?.drop());

  it('answers exactly after first inventories, before and after the changes are folded', async () => {
    for (let n = 0; n < 8; n++) await report(n, 1);
    expect(await pendingSoftwareCountChanges(database.db)).toBeGreaterThan(0);
    await expectExact('nothing folded');
    await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 7));
    await expectExact('seven changes folded');
    while (await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 50)) > 0);
    expect(await pendingSoftwareCountChanges(database.db)).toBe(0);
    await expectExact('all folded');
  });

  it('follows re-reports, rows moved, changed and deleted, and devices deleted', async () => {
    for (let n = 0; n < 8; n += 2) await report(n, 2);
    await expectExact('after re-reports');
    await database.db.query(`update device_software set version = '9.9' where device_id = $1 and name like 'libcount-%'`, [deviceIds[1]]);
    await expectExact('after versions changed');
    // One more version of a title the device holds already: one more install, not one more holder.
    await database.db.query(`insert into device_software (device_id, source, name, version, publisher, first_seen) values ($1, 'msi', 'Count Viewer', '4.0', 'Count Corp', now())`, [deviceIds[2]]);
    await expectExact('after a second version added');
    // Rows moved from one device to another: the first no longer holds them, the second holds them twice.
    await database.db.query(`update device_software set device_id = $2 where device_id = $1 and name in ('libcount-2', 'Count Viewer')`, [deviceIds[3], deviceIds[5]]);
    await expectExact('after rows moved');
    await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 30));
    await database.db.query(`delete from device_software where device_id = $1 and name = 'Count Viewer' and version = '3.0'`, [deviceIds[6]]);
    await expectExact('after one version of a title removed');
    await database.db.query('delete from devices where id = any($1::uuid[])', [[deviceIds[0], deviceIds[7]]]);
    await expectExact('after devices deleted');
    while (await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 13)) > 0);
    await expectExact('all folded again');
    // Titles nobody holds any more are gone from the counts, not kept at zero.
    await database.db.query('delete from device_software');
    while (await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 1000)) > 0);
    const { rows } = await database.db.query<{ n: number }>('select (select count(*) from software_version_counts) + (select count(*) from software_title_holders) as n');
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await searchInstalledSoftware(database.db, 'count', 100)).toEqual([]);
  });

  it('is brought up to date by the collector every few seconds, the changes\' space freed', async () => {
    for (let n = 1; n < 5; n++) await report(n, 4);
    expect(await pendingSoftwareCountChanges(database.db)).toBeGreaterThan(0);
    const warnings: string[] = [];
    const log = { warn: (_: unknown, message: string) => warnings.push(message) } as unknown as Parameters<typeof startSoftwareCountFold>[0]['log'];
    const fold = startSoftwareCountFold({ db: database.db, log, databaseKind: backend === 'embedded' ? 'embedded' : 'postgres' }, 100);
    try {
      await expect.poll(() => pendingSoftwareCountChanges(database.db)).toBe(0);
    } finally {
      await fold.stop();
    }
    expect(warnings).toEqual([]);
    await expectExact('folded by the collector');
  });

  it.runIf(backend === 'postgres')('lets reports of the same titles store side by side, and folds on two collectors at once without counting twice', async () => {
    for (let n = 1; n < 7; n++) await report(n, 3);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let storing!: () => void;
    const stored = new Promise<void>((resolve) => { storing = resolve; });
    // One transaction adds installs of titles and stays open...
    const first = database.db.transaction(async (tx) => {
      await tx.query(`insert into device_software (device_id, source, name, version, publisher, first_seen) select $1, 'dpkg', name, version, publisher, now() from device_software where device_id = $2`, [deviceIds[1], deviceIds[2]]);
      storing();
      await held;
    });
    await stored;
    // ...while another adds installs of the same titles: it must not wait for the first.
    await database.db.transaction(async (tx) => {
      await tx.query("set local lock_timeout = '2s'");
      await tx.query(`insert into device_software (device_id, source, name, version, publisher, first_seen) select $1, 'dpkg', name, version, publisher, now() from device_software where device_id = $2`, [deviceIds[3], deviceIds[2]]);
    });
    release();
    await first;
    await Promise.all([0, 1, 2].map(async () => { while (await database.db.transaction((tx) => foldSoftwareCountChanges(tx, 11)) > 0); }));
    expect(await pendingSoftwareCountChanges(database.db)).toBe(0);
    await expectExact('folded by three at once');
  });
});
