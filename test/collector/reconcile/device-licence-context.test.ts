import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../collector/src/store/migrate.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe.each(CONTRACT_BACKENDS)('what licensing reads of a device, kept beside it, on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  });
  afterAll(async () => t?.drop());

  async function contextOf(hardware: unknown, os: unknown) {
    const id = randomUUID();
    await t.db.query('insert into devices (id, kind, hostname, hardware, os) values ($1, $2, $3, $4, $5)', [id, 'agent', `h-${id.slice(0, 8)}`, hardware, os]);
    const { rows } = await t.db.query<{ licence_cores: number; licence_sockets: number; last_user: string | null }>(
      'select licence_cores, licence_sockets, last_user from devices where id = $1', [id]);
    return rows[0]!;
  }

  it('reads cores, sockets and the last user (without its domain, in lower case)', async () => {
    expect(await contextOf({ cpu: { cores: 24, sockets: 2 } }, { users: { lastLoggedOn: 'CORP\\Alice.Smith' } }))
      .toEqual({ licence_cores: 24, licence_sockets: 2, last_user: 'alice.smith' });
    expect(await contextOf({ cpu: { cores: '8' } }, { users: { lastLoggedOn: 'bob' } }))
      .toEqual({ licence_cores: 8, licence_sockets: 1, last_user: 'bob' });
  });

  it('counts one for a count that is missing, not a whole number, zero sockets or too large to be real', async () => {
    expect(await contextOf({}, {})).toEqual({ licence_cores: 1, licence_sockets: 1, last_user: null });
    expect(await contextOf({ cpu: { cores: 'many', sockets: 0 } }, { users: { lastLoggedOn: '' } }))
      .toEqual({ licence_cores: 1, licence_sockets: 1, last_user: null });
    // Larger than an integer holds: the device is still stored, and counts one.
    expect(await contextOf({ cpu: { cores: '99999999999', sockets: '99999999999' } }, null))
      .toEqual({ licence_cores: 1, licence_sockets: 1, last_user: null });
  });
});

/** Who uses each device and where it belongs, joined from the register at the moment of asking: what the kept table must hold. */
const JOINED = `
  select d.id as device_id, dal.asset_id, rp.id as person_id, rd.id as department_id,
         coalesce(lower(coalesce(rp.username, rp.email, rp.name)), d.last_user) as user_key, rd.name as department,
         d.licence_cores as cores, d.licence_sockets as sockets
    from devices d
    left join device_asset_links dal on dal.device_id = d.id
    left join register_assets ra on ra.id = dal.asset_id
    left join register_people rp on ra.assigned_type = 'person' and rp.id = ra.assigned_id
    left join register_departments rd on rd.id = coalesce(ra.department_id, case when ra.assigned_type = 'department' then ra.assigned_id end, rp.department_id)`;
const KEPT = 'select device_id, asset_id, person_id, department_id, user_key, department, cores, sockets from licence_device_context';

describe.each(CONTRACT_BACKENDS)('who uses each device and where it belongs, kept as the register changes, on %s', (backend) => {
  let t: TestDatabase;
  const ids = { devices: [] as string[], people: [] as string[], departments: [] as string[], assets: [] as string[], category: randomUUID() };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
    await t.db.query(`insert into register_categories (id, name, kind) values ($1, 'Laptops', 'hardware')`, [ids.category]);
  });
  afterAll(async () => t?.drop());

  const rowsOf = async (sql: string) => (await t.db.query<Record<string, unknown>>(`${sql} order by device_id`)).rows;
  /** The kept rows and the joined ones, side by side, after each change. */
  async function expectKeptAsJoined(step: string) {
    expect(await rowsOf(KEPT), step).toEqual(await rowsOf(`select * from (${JOINED}) j`));
  }
  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);

  it('matches the join after every kind of change to devices, links, assets, people and departments', async () => {
    for (let i = 0; i < 4; i++) ids.devices.push(randomUUID());
    // Several devices in one statement, as a sweep adds them.
    await q(`insert into devices (id, kind, hostname, hardware, os)
             select u, 'agent', 'host-' || n, jsonb_build_object('cpu', jsonb_build_object('cores', 4 * n)), jsonb_build_object('users', jsonb_build_object('lastLoggedOn', 'CORP\\user' || n))
               from unnest($1::uuid[]) with ordinality as x(u, n)`, [ids.devices]);
    await expectKeptAsJoined('devices added');
    for (let i = 0; i < 2; i++) ids.departments.push(randomUUID());
    await q(`insert into register_departments (id, name) values ($1, 'Finance'), ($2, 'Research')`, ids.departments);
    for (let i = 0; i < 2; i++) ids.people.push(randomUUID());
    await q(`insert into register_people (id, name, username, department_id) values ($1, 'Ann Lee', 'ALee', $3), ($2, 'Raj Rao', null, null)`,
      [...ids.people, ids.departments[0]]);
    for (let i = 0; i < 3; i++) ids.assets.push(randomUUID());
    await q(`insert into register_assets (id, tag, name, category_id, status, assigned_type, assigned_id, department_id)
             values ($1, 'A-1', 'one', $4, 'deployed', 'person', $5, null), ($2, 'A-2', 'two', $4, 'deployed', 'department', $6, null),
                    ($3, 'A-3', 'three', $4, 'deployed', null, null, $7)`,
      [...ids.assets, ids.category, ids.people[0], ids.departments[1], ids.departments[0]]);
    await expectKeptAsJoined('register filled, nothing linked');
    const link = (device: string, asset: string) =>
      q(`insert into device_asset_links (device_id, asset_id, method, key, confidence) values ($1, $2, 'manual', 'test', 1)
         on conflict (device_id) do update set asset_id = excluded.asset_id`, [device, asset]);
    await link(ids.devices[0]!, ids.assets[0]!);
    await link(ids.devices[1]!, ids.assets[1]!);
    await link(ids.devices[2]!, ids.assets[2]!);
    await expectKeptAsJoined('devices linked');
    await link(ids.devices[2]!, ids.assets[0]!);
    await expectKeptAsJoined('a link moved to another asset');
    await q(`update register_people set username = null, email = 'Ann@corp.example' where id = $1`, [ids.people[0]]);
    await expectKeptAsJoined("a person's username and e-mail changed");
    await q(`update register_people set department_id = $2 where id = $1`, [ids.people[0], ids.departments[1]]);
    await expectKeptAsJoined("a person's department changed");
    await q(`update register_departments set name = 'Research & Development' where id = $1`, [ids.departments[1]]);
    await expectKeptAsJoined('a department renamed');
    await q(`update register_assets set assigned_type = 'person', assigned_id = $2 where id = $1`, [ids.assets[1], ids.people[1]]);
    await expectKeptAsJoined('an asset reassigned');
    await q(`update register_assets set department_id = $2 where id = $1`, [ids.assets[0], ids.departments[0]]);
    await expectKeptAsJoined("an asset's own department set");
    await q(`update devices set os = jsonb_build_object('users', jsonb_build_object('lastLoggedOn', 'eve')), hardware = '{"cpu":{"cores":64,"sockets":2}}' where id = $1`, [ids.devices[3]]);
    await expectKeptAsJoined("a device's last user and processors changed");
    await q(`delete from register_people where id = $1`, [ids.people[1]]);
    await expectKeptAsJoined('an assigned person deleted');
    await q(`delete from register_departments where id = $1`, [ids.departments[1]]);
    await expectKeptAsJoined("a department deleted, its person's department emptied");
    await q(`insert into register_people (id, name, username) values ($1, 'Raj Rao', 'rrao')`, [ids.people[1]]);
    await expectKeptAsJoined('a person named by an assignment added again');
    await q('delete from device_asset_links where device_id = $1', [ids.devices[0]]);
    await expectKeptAsJoined('a link removed');
    await q('delete from register_assets where id = $1', [ids.assets[0]]);
    await expectKeptAsJoined('a linked asset deleted');
    await q('delete from devices where id = $1', [ids.devices[1]]);
    await expectKeptAsJoined('a device deleted');
    // Guards against a join that answers nothing: the rows compared hold what the steps made.
    const kept = await rowsOf(KEPT);
    expect(kept.map((r) => r.user_key)).toEqual(expect.arrayContaining(['eve', 'user3']));
    expect(kept).toHaveLength(3);
  });
});
