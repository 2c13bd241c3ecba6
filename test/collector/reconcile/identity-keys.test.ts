import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../collector/src/store/migrate.js';
import type { Database } from '../../../collector/src/store/database.js';
import { junkIdentifiers } from '../../../collector/src/reconcile/identity/junk-identifiers.js';
import { matchDevices, refreshIdentityKeys } from '../../../collector/src/store/reconcile/identity.js';
import { linkDevice } from '../../../collector/src/store/reconcile/asset-links.js';
import { claimDevices, queueDevices } from '../../../collector/src/store/reconcile/queue.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

interface DeviceFields {
  kind?: 'agent' | 'snmp';
  hostname: string;
  serial?: string;
  manufacturer?: string;
  uuid?: string;
  macs?: string[];
}

async function addDevice(db: Database, d: DeviceFields): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into devices (id, kind, hostname, serial_number, manufacturer, hardware_uuid, mac_addresses) values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, d.kind ?? 'agent', d.hostname, d.serial ?? null, d.manufacturer ?? null, d.uuid ?? null, d.macs ?? []],
  );
  return id;
}

async function keysOf(db: Database, deviceId: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string; value: string }>('select key, value from device_identity_keys where device_id = $1 order by key, value', [deviceId]);
  return rows.map((r) => `${r.key}=${r.value}`);
}

describe.each(CONTRACT_BACKENDS)('device identity keys on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  });
  afterAll(async () => t?.drop());

  it('never keeps placeholder serials, all-zero or all-F UUIDs, or locally administered and virtual-platform MACs', async () => {
    const junk = await addDevice(t.db, {
      hostname: 'localhost', serial: 'Default string', uuid: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      macs: ['00:50:56:a1:b2:c3', '00:0c:29:11:22:33', '00:15:5d:01:02:03', '08:00:27:aa:bb:cc', '02:42:ac:11:00:02', '0a:1b:2c:3d:4e:5f', '52:54:00:12:34:56'],
    });
    const placeholders = await Promise.all(['To Be Filled By O.E.M.', 'System Serial Number', '0123456789', '00000000', 'XXXXXXXX'].map((serial, i) =>
      addDevice(t.db, { hostname: `ph-${i}`, serial, uuid: '00000000-0000-0000-0000-000000000000' })));
    const real = await addDevice(t.db, {
      hostname: 'WS-0142.corp.example', serial: ' CZC1234XYZ ', manufacturer: 'Hewlett-Packard', uuid: '4C4C4544-0042-3510-8052-B4C04F4E3732', macs: ['3c:52:82:11:22:33'],
    });
    await t.db.transaction((tx) => refreshIdentityKeys(tx, null, junkIdentifiers()));
    expect(await keysOf(t.db, junk)).toEqual([]);
    for (const id of placeholders) expect(await keysOf(t.db, id)).toEqual([`hostname=ph-${placeholders.indexOf(id)}`]);
    expect(await keysOf(t.db, real)).toEqual([
      'hardware_uuid=4c4c4544004235108052b4c04f4e3732', 'hostname=ws-0142', 'mac=3c:52:82:11:22:33', 'serial=CZC1234XYZ',
    ]);
    const { rows } = await t.db.query<{ vendor: string }>("select vendor from device_identity_keys where device_id = $1 and key = 'serial'", [real]);
    expect(rows[0]?.vendor).toBe('hp');
  });

  it('does not match by a MAC that two agents share (a docking station), but does by one an agent and its SNMP view share', async () => {
    await t.db.query(`insert into register_categories (id, name, kind) values ($1, 'Identity test', 'hardware')`, [randomUUID()]);
    const category = (await t.db.query<{ id: string }>("select id from register_categories where name = 'Identity test'")).rows[0]!.id;
    const laptop = await addDevice(t.db, { hostname: 'lap-1', macs: ['a0:ce:c8:00:00:01', '3c:52:82:00:10:01'] });
    const other = await addDevice(t.db, { hostname: 'lap-2', macs: ['a0:ce:c8:00:00:01'] });
    const snmpView = await addDevice(t.db, { kind: 'snmp', hostname: '10.0.0.7', macs: ['3c:52:82:00:10:01'] });
    const assetId = randomUUID();
    await t.db.query(
      `insert into register_assets (id, tag, name, category_id, status) values ($1, 'ID-1', 'Laptop one', $2, 'deployed')`,
      [assetId, category],
    );
    await linkDevice(t.db, laptop, assetId, 'register', 'admin');
    await t.db.transaction(async (tx) => {
      await refreshIdentityKeys(tx, null, junkIdentifiers());
      await matchDevices(tx, null, ['hardware_uuid', 'serial', 'mac', 'fqdn', 'hostname']);
    });
    const { rows } = await t.db.query<{ device_id: string; key: string }>('select device_id, key from device_asset_links where asset_id = $1 order by key', [assetId]);
    expect(rows).toEqual(expect.arrayContaining([{ device_id: laptop, key: 'register' }, { device_id: snmpView, key: 'mac' }]));
    expect(rows.find((r) => r.device_id === other)).toBeUndefined();
  });

  it.skipIf(backend === 'embedded')('lets each queued device be claimed by one collector only', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => addDevice(t.db, { hostname: `q-${i}` })));
    await queueDevices(t.db, ids);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let first: string[] = [];
    const holder = t.db.transaction(async (tx) => {
      first = await claimDevices(tx, 12);
      await held;
    });
    await new Promise((r) => setTimeout(r, 200));
    const second = await t.db.transaction((tx) => claimDevices(tx, 50));
    release();
    await holder;
    expect(first).toHaveLength(12);
    expect(second).toHaveLength(8);
    expect(new Set([...first, ...second]).size).toBe(20);
  });
});
