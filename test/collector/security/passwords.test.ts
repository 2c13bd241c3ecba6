import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPasswordFromConsole } from '../../../collector/src/services/users.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, TEST_ADMIN_PASSWORD, type TestCollector } from '../../support/collector.js';

describe.each(CONTRACT_BACKENDS)('passwords changed by their owner and reset from the console on %s', (backend) => {
  let c: TestCollector;
  beforeAll(async () => { c = await startTestCollector(backend); });
  afterAll(async () => c?.stop());

  async function login(username: string, password: string) {
    const response = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return { status: response.status, token: response.ok ? ((await response.json()) as { token: string }).token : '' };
  }
  const me = async (token: string) => (await fetch(`${c.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  const changeOwn = (token: string, body: unknown) => fetch(`${c.url}/api/v1/me/password`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  async function auditActions(token: string): Promise<{ action: string; actor: string }[]> {
    const response = await fetch(`${c.url}/api/v1/audit?limit=50`, { headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { items: { action: string; actor: string }[] }).items;
  }

  it('changes one\'s own password only with the current one; other sessions end, this one goes on', async () => {
    const here = (await login('admin', TEST_ADMIN_PASSWORD)).token;
    const elsewhere = (await login('admin', TEST_ADMIN_PASSWORD)).token;
    const wrong = await changeOwn(here, { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toContain('currentPassword');
    expect((await changeOwn(here, { currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'short' })).status).toBe(400);

    expect((await changeOwn(here, { currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'a-brand-new-password' })).status).toBe(204);
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    expect((await login('admin', TEST_ADMIN_PASSWORD)).status).toBe(401);
    expect((await login('admin', 'a-brand-new-password')).status).toBe(200);
    expect((await auditActions(here)).some((e) => e.action === 'user.password.change' && e.actor === 'admin')).toBe(true);
  });

  it('resets a lost password from the console: a new random one, answered once, every session ended, audited', async () => {
    const before = (await login('admin', 'a-brand-new-password')).token;
    const password = await resetPasswordFromConsole(c.database.db, 'admin');
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await resetPasswordFromConsole(c.database.db, 'admin')).not.toBe(password);
    const latest = await resetPasswordFromConsole(c.database.db, 'admin');
    expect(await me(before)).toBe(401);
    expect((await login('admin', password)).status).toBe(401);
    const after = await login('admin', latest);
    expect(after.status).toBe(200);
    const resets = (await auditActions(after.token)).filter((e) => e.action === 'user.password.reset');
    expect(resets).toHaveLength(3);
    expect(resets.every((e) => e.actor === 'console')).toBe(true);
    await expect(resetPasswordFromConsole(c.database.db, 'nobody-here')).rejects.toThrow('no user named nobody-here');
  });
});
