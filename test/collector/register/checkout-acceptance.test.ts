import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

/**
 * A check-out a person is asked to accept: a link they open without signing in, answered once,
 * before it expires; the answer is kept on the check-out and in the audit log.
 */
describe.each(CONTRACT_BACKENDS)('check-out acceptance on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;
  let person: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.computers');
    person = expectStatus(await admin.post('/people', { name: 'Lea Fontaine', email: 'lea@example.org' }), 201).id;
  });
  afterAll(async () => c?.stop());

  /** Calls the public answer pages as a stranger: no session, no token but the link's. */
  const anonymous = async (path: string, body: unknown) => {
    const response = await fetch(`${c.url}/api/v1/acceptance${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
  };

  async function checkedOutAsking(name: string) {
    const id = expectStatus(await admin.post('/assets', { name, categoryId }), 201).id as string;
    const out = expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: person }, requestAcceptance: true, note: 'with charger' }), 200);
    const link = out.acceptanceLink as { url: string; assignmentId: string; expiresAt: string; emailed: boolean; emailDetail: string };
    return { id, link, token: link.url.split('#')[1]! };
  }

  it('gives a link with the token in its fragment, stores only its hash, and shows the request without a session', async () => {
    const { id, link, token } = await checkedOutAsking('Surface Pro');
    expect(link.url).toMatch(new RegExp(`^${c.url}/accept#[A-Za-z0-9_-]{32}$`));
    expect(link.emailed).toBe(false);
    expect(link.emailDetail).toContain('SMTP');
    const stored = await c.ctx.db.query<Record<string, unknown>>('select * from register_assignments where id = $1', [link.assignmentId]);
    expect(JSON.stringify(stored.rows[0])).not.toContain(token);
    expect(stored.rows[0]!.acceptance_token_sha256).toMatch(/^[0-9a-f]{64}$/);

    const shown = await anonymous('', { token });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ assetName: 'Surface Pro', personName: 'Lea Fontaine', checkedOutBy: 'admin', note: 'with charger', state: 'pending' });
    expect(shown.body).not.toHaveProperty('assetId');
    const listed = expectStatus(await admin.get(`/assignments?assetId=${id}`), 200).items[0];
    expect(listed.acceptance).toMatchObject({ state: 'pending', answeredAt: null });
    const pending = expectStatus(await admin.get('/assignments?acceptance=pending&open=true&limit=100'), 200).items;
    expect(pending.map((a: { assetId: string }) => a.assetId)).toContain(id);
  });

  it('records an acceptance once: the same link answers 404 afterwards', async () => {
    const { id, token } = await checkedOutAsking('ThinkPad X1');
    const answered = await anonymous('/answer', { token, decision: 'accepted', note: '  All fine  ' });
    expect([answered.status, answered.body.state]).toEqual([200, 'accepted']);
    expect((await anonymous('/answer', { token, decision: 'declined' })).status).toBe(404);
    expect((await anonymous('', { token })).body).toMatchObject({ error: 'unknown_link' });

    const listed = expectStatus(await admin.get(`/assignments?assetId=${id}`), 200).items[0];
    expect(listed.acceptance).toMatchObject({ state: 'accepted', note: 'All fine' });
    expect(listed.acceptance.answeredAt).toMatch(/^\d{4}-/);
    const audit = await c.ctx.db.query<{ action: string; actor: string; actor_role: string; after: Record<string, unknown> }>(
      "select action, actor, actor_role, after from audit_log where object_id = $1 and action like 'register.asset.%' order by id", [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['register.asset.created', 'register.asset.checked_out', 'register.asset.acceptance_requested', 'register.asset.checkout_accepted']);
    expect(audit.rows.at(-1)).toMatchObject({ actor: 'Lea Fontaine', actor_role: 'checkout-recipient', after: { acceptance: 'accepted', note: 'All fine' } });
  });

  it('records a refusal with its note', async () => {
    const { id, token } = await checkedOutAsking('iPhone 15');
    expect((await anonymous('/answer', { token, decision: 'declined', note: 'never received it' })).status).toBe(200);
    const listed = expectStatus(await admin.get(`/assignments?assetId=${id}`), 200).items[0];
    expect(listed.acceptance).toMatchObject({ state: 'declined', note: 'never received it' });
    expect(expectStatus(await admin.get(`/assets/${id}/history?order=asc`), 200).items.map((h: { action: string }) => h.action)).toContain('checkout_declined');
  });

  it('refuses wrong, malformed and expired tokens, and a link whose item was checked in', async () => {
    expect((await anonymous('', { token: 'A'.repeat(32) })).status).toBe(404);
    const short = await anonymous('/answer', { token: 'abc', decision: 'accepted' });
    expect([short.status, String(short.body.message)]).toEqual([400, expect.stringContaining('token')]);
    const { token: late, link } = await checkedOutAsking('Old tablet');
    await c.ctx.db.query("update register_assignments set acceptance_expires_at = now() - interval '1 minute' where id = $1", [link.assignmentId]);
    expect((await anonymous('/answer', { token: late, decision: 'accepted' })).status).toBe(410);

    const again = expectStatus(await admin.post(`/assignments/${link.assignmentId}/acceptance`, {}), 200);
    const fresh = String(again.url).split('#')[1]!;
    expect(fresh).not.toBe(late);
    expect((await anonymous('', { token: late })).status).toBe(404);
    expect((await anonymous('', { token: fresh })).status).toBe(200);

    const { id, token: returned } = await checkedOutAsking('Returned phone');
    expectStatus(await admin.post(`/assets/${id}/checkin`, {}), 200);
    expect((await anonymous('/answer', { token: returned, decision: 'accepted' })).status).toBe(410);
  });

  it('asks acceptance of people only, and only writers may send a new link', async () => {
    const room = expectStatus(await admin.post('/locations', { name: 'Lab', kind: 'room' }), 201).id;
    const id = expectStatus(await admin.post('/assets', { name: 'Scope', categoryId }), 201).id;
    const refused = await admin.post(`/assets/${id}/checkout`, { target: { type: 'location', id: room }, requestAcceptance: true });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^requestAcceptance: /);
    expect(expectStatus(await admin.get(`/assets/${id}`), 200).assignedTo).toBeNull();
    const { link } = await checkedOutAsking('Reader laptop');
    const reader = await clientWithRole(c, 'auditor');
    expect((await reader.post(`/assignments/${link.assignmentId}/acceptance`, {})).status).toBe(403);
  });
});
