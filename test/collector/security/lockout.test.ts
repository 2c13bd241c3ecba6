import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, LOCKOUT_THRESHOLD } from '../../../collector/src/services/auth.js';
import { migrate } from '../../../collector/src/store/migrate.js';
import { migrations } from '../../../collector/src/store/migrations/index.js';
import { openDatabase } from '../../../collector/src/store/open.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, TEST_ADMIN_PASSWORD, type TestCollector } from '../../support/collector.js';
import { createPostgresDatabase, createTestDatabase } from '../../support/database.js';
import { spawnBin } from '../../support/processes.js';

const json = { 'content-type': 'application/json' };

describe.each(CONTRACT_BACKENDS)('a sign-in lock that decays (%s)', (backend) => {
  let c: TestCollector;
  let admin: Record<string, string>;
  const login = (username: string, password: string) =>
    fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
  const fail = async (username: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await login(username, `wrong-${i}`)).status).toBe(401);
  };
  const lockMinutes = async (username: string) => {
    const { rows } = await c.database.db.query<{ minutes: number | null }>(
      'select (extract(epoch from locked_until - now()) / 60)::float8 as minutes from users where username = $1', [username]);
    return rows[0]!.minutes;
  };
  /** Time passing, for the account's lock and failure window: both move into the past. */
  const later = (username: string, minutes: number) => c.database.db.query(
    `update users set locked_until = locked_until - make_interval(mins => $2),
                      failed_window_started_at = failed_window_started_at - make_interval(mins => $2) where username = $1`,
    [username, minutes]);

  beforeAll(async () => {
    // The per-address limit on logins is tested elsewhere; here every attempt must reach the account.
    c = await startTestCollector(backend, { loginRateLimitPerMinute: 1000 });
    admin = await c.adminAuth();
    for (const name of ['decay', 'window', 'doubling', 'override']) await createUser(c.database.db, name, `${name}-password-1`, 'itadmin');
  });
  afterAll(async () => c?.stop());

  it('after a lock expires, one wrong password does not lock again', async () => {
    await fail('decay', LOCKOUT_THRESHOLD);
    expect((await login('decay', 'decay-password-1')).status).toBe(401);
    expect(await lockMinutes('decay')).toBeGreaterThan(14);
    await later('decay', 16);
    await fail('decay', 1);
    expect((await login('decay', 'decay-password-1')).status).toBe(200);
  });

  it('counts failures within a window only', async () => {
    await fail('window', LOCKOUT_THRESHOLD - 1);
    await later('window', 16);
    await fail('window', LOCKOUT_THRESHOLD - 1);
    expect((await login('window', 'window-password-1')).status).toBe(200);
  });

  it('doubles a lock that recurs, up to a cap of four hours', async () => {
    const lengths: number[] = [];
    for (let i = 0; i < 6; i++) {
      await fail('doubling', LOCKOUT_THRESHOLD);
      lengths.push(Math.round((await lockMinutes('doubling'))!));
      await later('doubling', lengths.at(-1)! + 1);
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 240]);
  });

  it('is lifted by an administrator, audited; other roles may not', async () => {
    await fail('override', LOCKOUT_THRESHOLD);
    const { rows } = await c.database.db.query<{ id: string }>("select id from users where username = 'override'");
    const id = rows[0]!.id;
    const itadmin = { authorization: `Bearer ${((await (await login('decay', 'decay-password-1')).json()) as { token: string }).token}` };
    expect((await fetch(`${c.url}/api/v1/users/${id}/unlock`, { method: 'POST', headers: itadmin })).status).toBe(403);
    const lifted = await fetch(`${c.url}/api/v1/users/${id}/unlock`, { method: 'POST', headers: admin });
    expect(lifted.status).toBe(200);
    expect((await login('override', 'override-password-1')).status).toBe(200);
    const audit = await c.database.db.query<{ actor: string }>("select actor from audit_log where action = 'user.unlock' and object_id = $1", [id]);
    expect(audit.rows.map((r) => r.actor)).toEqual(['admin']);
  });

  it('treats user names without regard to case: one account, and its sign-in in any case', async () => {
    const added = await fetch(`${c.url}/api/v1/users`, { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ username: 'ADMIN', password: 'another-admin-1', role: 'admin' }) });
    expect(added.status).toBe(409);
    expect((await added.json()).message).toMatch(/username/);
    expect((await login('Admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe.each(CONTRACT_BACKENDS)('accounts across the upgrade and from the host (%s)', (backend) => {
  it('renames the younger of two names differing only in case, and keeps both accounts', async () => {
    const t = await createTestDatabase(backend);
    try {
      await migrate(t.db, migrations.filter((m) => m.id < 25));
      await createUser(t.db, 'admin', 'first-password-1', 'admin');
      await createUser(t.db, 'ADMIN', 'second-password-1', 'admin');
      await migrate(t.db);
      const { rows } = await t.db.query<{ username: string }>('select username from users order by created_at, id');
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.username.toLowerCase())).size).toBe(2);
      expect(rows.map((r) => r.username)).toContain('admin');
    } finally {
      await t.drop();
    }
  });

  it('`steward users unlock NAME` lifts the lock of the last administrator', async () => {
    const created = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-unlock-'));
    const where = { databaseUrl: created?.url, dataDir };
    try {
      let db = await openDatabase(where);
      await migrate(db);
      await createUser(db, 'root', 'root-password-1', 'admin');
      await db.query("update users set locked_until = now() + interval '4 hours', lockouts = 5 where username = 'root'");
      await db.close();
      const cli = spawnBin('collector', ['users', 'unlock', 'ROOT'], {
        STEWARD_DATA_DIR: dataDir, ...(created ? { DATABASE_URL: created.url } : {}), STEWARD_LOG_LEVEL: 'silent',
      });
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toMatch(/root is unlocked/);
      db = await openDatabase(where);
      const { rows } = await db.query<{ locked_until: Date | null; actor: string }>(
        "select u.locked_until, a.actor from users u join audit_log a on a.object_id = u.id::text and a.action = 'user.unlock' where u.username = 'root'");
      await db.close();
      expect(rows).toEqual([{ locked_until: null, actor: 'cli' }]);
    } finally {
      await created?.drop();
    }
  }, 120_000);
});
