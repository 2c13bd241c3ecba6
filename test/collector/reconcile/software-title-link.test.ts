import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../collector/src/store/migrate.js';
import { insertInstalledSoftware, type InstalledSoftware } from '../../../collector/src/store/software.js';
import { runFullReconciliation } from '../../../collector/src/reconcile/run/full-reconciliation.js';
import { reconcileDevice } from '../../../collector/src/reconcile/run/reconcile-device.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const seen = new Date('2026-01-05T10:00:00Z');
const visio: InstalledSoftware = { source: 'registry', name: 'Microsoft Visio Professional 2019', publisher: 'Microsoft Corporation', version: '16.0.1', firstSeen: seen };
const tool: InstalledSoftware = { source: 'dpkg', name: `tool-${randomUUID().slice(0, 8)}`, version: '1.2-3', firstSeen: seen };

describe.each(CONTRACT_BACKENDS)('installed software linked to its title, on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  });
  afterAll(async () => t?.drop());

  async function device(): Promise<string> {
    const id = randomUUID();
    await t.db.query('insert into devices (id, kind, hostname) values ($1, $2, $3)', [id, 'agent', `h-${id.slice(0, 8)}`]);
    return id;
  }

  async function linksOf(deviceId: string) {
    const { rows } = await t.db.query<{ name: string; title_id: string | null; t_name: string | null; t_publisher: string | null; t_version: string | null }>(
      `select ds.name, ds.title_id::text, t.name as t_name, t.publisher as t_publisher, t.version as t_version
         from device_software ds left join software_titles t on t.id = ds.title_id where ds.device_id = $1 order by ds.name`,
      [deviceId],
    );
    return rows;
  }

  it('makes a title the first time it is stored and links every row to it, an absent publisher or version as empty', async () => {
    const first = await device();
    const second = await device();
    await insertInstalledSoftware(t.db, first, [visio, tool]);
    await insertInstalledSoftware(t.db, second, [tool]);
    const a = await linksOf(first);
    const b = await linksOf(second);
    expect(a.map((r) => [r.name, r.t_name, r.t_publisher, r.t_version])).toEqual([
      ['Microsoft Visio Professional 2019', 'Microsoft Visio Professional 2019', 'Microsoft Corporation', '16.0.1'],
      [tool.name, tool.name, '', '1.2-3'],
    ]);
    expect(b[0]!.title_id).toBe(a.find((r) => r.name === tool.name)!.title_id);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from software_titles where name = $1', [tool.name]);
    expect(rows[0]!.n).toBe(1);
  });

  it('reconciles rows stored without a link exactly as linked ones', async () => {
    const linked = await device();
    const unlinked = await device();
    await insertInstalledSoftware(t.db, linked, [visio]);
    // A row stored before rows were linked to titles.
    await t.db.query(
      `insert into device_software (device_id, source, name, version, publisher, first_seen) values ($1, $2, $3, $4, $5, $6)`,
      [unlinked, visio.source, visio.name, visio.version, visio.publisher, seen],
    );
    await runFullReconciliation(t.db);
    const { rows } = await t.db.query<{ device_id: string; product_id: string; raw_name: string; first_seen: Date }>(
      'select device_id, product_id, raw_name, first_seen from licence_installs where device_id = any($1::uuid[]) order by device_id',
      [[linked, unlinked]],
    );
    expect(rows).toHaveLength(2);
    const [x, y] = rows;
    expect(x!.product_id).toBe(y!.product_id);
    expect(x!.product_id).toMatch(/visio/i);
    expect(rows.map((r) => [r.raw_name, new Date(r.first_seen).toISOString()])).toEqual([
      [visio.name, seen.toISOString()], [visio.name, seen.toISOString()],
    ]);
  });

  it('makes the title of a row stored without one when its device is reconciled', async () => {
    const id = await device();
    const name = 'Microsoft Visio Standard 2016';
    await t.db.query(
      `insert into device_software (device_id, source, name, version, publisher, first_seen) values ($1, 'registry', $2, '16.0.4266', $3, $4)`,
      [id, name, visio.publisher, seen],
    );
    const before = await t.db.query('select 1 from software_titles where name = $1', [name]);
    expect(before.rows).toHaveLength(0);
    await reconcileDevice(t.db, id);
    const { rows } = await t.db.query<{ product_id: string; raw_name: string }>('select product_id, raw_name from licence_installs where device_id = $1', [id]);
    expect(rows).toEqual([{ product_id: expect.stringMatching(/visio/i), raw_name: name }]);
  });

  it('makes each new title once when many reports bring the same ones at once, in different orders', async () => {
    const prefix = `race-${randomUUID().slice(0, 8)}`;
    const titles: InstalledSoftware[] = Array.from({ length: 200 }, (_, i) => ({ source: 'dpkg', name: `${prefix}-${i}`, version: '1.0', firstSeen: seen }));
    const ids = await Promise.all(Array.from({ length: 8 }, () => device()));
    // Each report holds its new titles until it commits, as a report's transaction does.
    await Promise.all(ids.map((id, k) => t.db.transaction(async (tx) => {
      const order = k % 2 ? [...titles].reverse() : titles.slice(k * 25).concat(titles.slice(0, k * 25));
      await insertInstalledSoftware(tx, id, order);
      await tx.query('select pg_sleep(0.05)');
    })));
    const { rows } = await t.db.query<{ titles: number; rows: number; untitled: number }>(
      `select (select count(*)::int from software_titles where name like $1) as titles, count(*)::int as rows,
              -- A row whose title another report was making at that moment is left unlinked: its title must exist.
              count(*) filter (where ds.title_id is null and not exists (
                select 1 from software_titles t where t.source = ds.source and t.name = ds.name and t.version = ds.version))::int as untitled
         from device_software ds where ds.device_id = any($2::uuid[])`,
      [`${prefix}-%`, ids],
    );
    expect(rows[0]).toEqual({ titles: 200, rows: 8 * 200, untitled: 0 });
  });
});
