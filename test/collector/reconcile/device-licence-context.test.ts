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
