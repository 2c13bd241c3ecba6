import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalTokenCreated, personalTokenList } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

/** Personal API tokens: a person's role for their scripts, shown once, revocable, never outliving the person's access. */
describe.each(CONTRACT_BACKENDS)('personal API tokens on %s', (backend) => {
  let c: TestCollector;
  const json = { 'content-type': 'application/json' };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  async function signIn(username: string, password: string): Promise<string> {
    const r = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
    return ((await r.json()) as { token: string }).token;
  }
  const make = (session: string, body: unknown) => fetch(`${c.url}/api/v1/me/tokens`, { method: 'POST', headers: { ...json, ...as(session) }, body: JSON.stringify(body) });
  const list = async (session: string) => personalTokenList.parse(await (await fetch(`${c.url}/api/v1/me/tokens`, { headers: as(session) })).json()).items;

  beforeAll(async () => {
    c = await startTestCollector(backend);
    await createUser(c.database.db, 'hazel', 'helpdesk-password-8', 'helpdesk');
  });
  afterAll(async () => c?.stop());

  it("gives a script the person's role, shows the token once and says when it was last used", async () => {
    const session = await signIn('hazel', 'helpdesk-password-8');
    const answer = await make(session, { label: 'Inventory sync', expiresInDays: 30 });
    expect(answer.status).toBe(201);
    const made = personalTokenCreated.parse(await answer.json());
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: as(made.token) })).status).toBe(200);
    // Helpdesk may read devices, not manage users: neither may its token.
    expect((await fetch(`${c.url}/api/v1/users`, { headers: as(made.token) })).status).toBe(403);
    const listed = await list(session);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: made.id, label: 'Inventory sync' });
    expect(listed[0]!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(made.token);
    // A token cannot make tokens.
    const minted = await make(made.token, { label: 'forever' });
    expect(minted.status).toBe(403);
    expect(await minted.text()).toContain('signed-in session');
  });

  it('refuses bad input naming the field, and stops working once revoked, expired, or the person is disabled', async () => {
    const session = await signIn('hazel', 'helpdesk-password-8');
    const bad = await make(session, { label: '', expiresInDays: 400 });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('label');
    expect(text).toContain('expiresInDays');

    const revoked = personalTokenCreated.parse(await (await make(session, { label: 'Old laptop' })).json());
    expect((await fetch(`${c.url}/api/v1/me/tokens/${revoked.id}`, { method: 'DELETE', headers: as(session) })).status).toBe(204);
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: as(revoked.token) })).status).toBe(401);

    const expired = personalTokenCreated.parse(await (await make(session, { label: 'Short lived' })).json());
    await c.database.db.query("update api_sessions set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: as(expired.token) })).status).toBe(401);
    expect((await list(session)).map((t) => t.label)).not.toContain('Short lived');

    // Another person's token cannot be revoked by id.
    const admin = await c.adminAuth();
    const kept = personalTokenCreated.parse(await (await make(session, { label: 'Kept' })).json());
    expect((await fetch(`${c.url}/api/v1/me/tokens/${kept.id}`, { method: 'DELETE', headers: admin })).status).toBe(404);
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: as(kept.token) })).status).toBe(200);

    const hazel = (await c.database.db.query<{ id: string }>("select id from users where username = 'hazel'")).rows[0]!.id;
    expect((await fetch(`${c.url}/api/v1/users/${hazel}`, { method: 'PATCH', headers: { ...json, ...admin }, body: JSON.stringify({ disabled: true }) })).status).toBe(200);
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: as(kept.token) })).status).toBe(401);
    const { rows } = await c.database.db.query<{ action: string }>("select action from audit_log where object_type = 'personal-token' order by id");
    expect(rows.map((r) => r.action)).toEqual(['token.create', 'token.create', 'token.revoke', 'token.create', 'token.create']);
  });
});
