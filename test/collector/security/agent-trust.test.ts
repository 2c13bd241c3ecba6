import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../collector/src/services/auth.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';

let c: TestCollector;
let admin: { authorization: string };

beforeAll(async () => {
  c = await startTestCollector();
  admin = await c.adminAuth();
});
afterAll(async () => c?.stop());

async function enrolWith(secret: string) {
  return fetch(`${c.url}/api/v1/agents/enroll`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, secret, hostname: 'laptop-7', agentVersion: '0.1.0', platform: 'windows' }),
  });
}

describe('agent revocation', () => {
  it('refuses a revoked agent and shows it as revoked', async () => {
    const agent = await enrolTestAgent(c.url, 'to-be-revoked');
    const send = () => fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
      body: JSON.stringify(makeReport(agent.agentId)),
    });
    expect((await send()).status).toBe(200);
    expect((await fetch(`${c.url}/api/v1/agents/${agent.agentId}/revoke`, { method: 'POST', headers: admin })).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe('agent_revoked');
    const list = (await (await fetch(`${c.url}/api/v1/agents`, { headers: admin })).json()) as { items: Array<{ id: string; status: string; revokedBy: string }> };
    expect(list.items.find((a) => a.id === agent.agentId)).toMatchObject({ status: 'revoked', revokedBy: 'admin' });
    const { rows } = await c.database.db.query<{ action: string }>("select action from audit_log where object_id = $1", [agent.agentId]);
    expect(rows.map((r) => r.action)).toEqual(['agent.revoke']);
  });

  it('lets only roles that command agents revoke them', async () => {
    await createUser(c.database.db, 'auditor-1', 'auditor-password-1', 'auditor');
    const login = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'auditor-1', password: 'auditor-password-1' }) });
    const auditor = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const agent = await enrolTestAgent(c.url, 'kept');
    expect((await fetch(`${c.url}/api/v1/agents/${agent.agentId}/revoke`, { method: 'POST', headers: auditor })).status).toBe(403);
    expect((await fetch(`${c.url}/api/v1/agents`, { headers: auditor })).status).toBe(200);
  });
});

describe('enrolment secrets', () => {
  it('rotates: a new secret enrols, a revoked one and an unknown one do not, and none is ever shown again', async () => {
    const created = await fetch(`${c.url}/api/v1/agents/enrollment-secrets`, {
      method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'Q4 rollout', expiresInDays: 30 }),
    });
    expect(created.status).toBe(201);
    const { id, secret } = (await created.json()) as { id: string; secret: string };
    expect((await enrolWith(secret)).status).toBe(200);
    const listed = await (await fetch(`${c.url}/api/v1/agents/enrollment-secrets`, { headers: admin })).text();
    expect(listed).toContain('Q4 rollout');
    expect(listed).not.toContain(secret);
    expect((await fetch(`${c.url}/api/v1/agents/enrollment-secrets/${id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
    expect((await enrolWith(secret)).status).toBe(401);
    expect((await enrolWith('ste_made-up')).status).toBe(401);
  });

  it('stops accepting a secret once it has expired', async () => {
    const created = await fetch(`${c.url}/api/v1/agents/enrollment-secrets`, {
      method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'short', expiresInDays: 1 }),
    });
    const { id, secret } = (await created.json()) as { id: string; secret: string };
    expect((await enrolWith(secret)).status).toBe(200);
    await c.database.db.query("update enrollment_secrets set expires_at = now() - interval '1 second' where id = $1", [id]);
    expect((await enrolWith(secret)).status).toBe(401);
  });
});
