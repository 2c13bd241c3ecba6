import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@steward/shared';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { ApiClient } from '../reconcile/api-client.js';
import { enrol, enrolled, install, newMachine, postReport, reported, type Machine } from './machines.js';

/**
 * Revocation that sticks, enrolment secrets that run out, and agents that present a registered
 * machine's identity: through the real agent API and WebSocket.
 */
describe.each(CONTRACT_BACKENDS)('revocation and claimed identities on %s', (backend) => {
  let c: TestCollector;
  let api: ApiClient;
  beforeAll(async () => {
    c = await startTestCollector(backend);
    api = await ApiClient.admin(c);
  });
  afterAll(async () => c?.stop());

  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

  function openSocket(token: string): Promise<WebSocket> {
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${token}` } });
    return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
  }

  it('keeps a revoked agent and its machine out: socket closed at once, reports refused, no enrolling again until a person allows it', async () => {
    const laptop = newMachine('revoked');
    const agent = await install(c, laptop);
    const ws = await openSocket(agent.token);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const started = Date.now();
    await api.post(`/api/v1/agents/${agent.agentId}/revoke`, {});
    expect(await closed).toBe(1008);
    expect(Date.now() - started).toBeLessThan(5000);
    const refused = await postReport(c, agent, laptop, later(5));
    expect(refused.status).toBe(403);
    // The same machine enrolling again with the shared secret, with and without saying who it is.
    const again = await enrol(c, laptop);
    expect(again.status).toBe(403);
    expect(await errorOf(again)).toBe('machine_revoked');
    const quiet: Machine = { ...laptop, uuid: undefined, serial: undefined, machineId: undefined, macs: [] };
    const sneaked = await enrolled(c, quiet);
    const report = await postReport(c, sneaked, laptop, later(10));
    expect(report.status).toBe(403);
    expect(await errorOf(report)).toBe('machine_revoked');
    const { rows: devices } = await c.ctx.db.query('select id from devices where hostname = $1', [laptop.hostname]);
    expect(devices).toHaveLength(1);

    await api.post(`/api/v1/agents/${agent.agentId}/allow-enrolment`, { reason: 'reinstalled by the service desk' });
    const back = await install(c, laptop);
    expect(back.deviceId).toBe(agent.deviceId);
    const { rows } = await c.ctx.db.query<{ actor: string }>("select actor from audit_log where action = 'agent.allow-reenrolment' and object_id = $1", [agent.agentId]);
    expect(rows).toEqual([{ actor: 'admin' }]);
    // Allowed once is not allowed twice.
    expect((await api.raw('POST', `/api/v1/agents/${agent.agentId}/allow-enrolment`, {})).status).toBe(404);
  });

  it('refuses heartbeats on a socket the moment its agent is revoked', async () => {
    const agent = await install(c, newMachine('heartbeat'));
    const ws = await openSocket(agent.token);
    const answers: string[] = [];
    ws.on('message', (data) => answers.push(String(data)));
    ws.send(JSON.stringify({ type: 'heartbeat', sentAt: new Date().toISOString() }));
    await expect.poll(() => answers.length).toBe(1);
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await api.post(`/api/v1/agents/${agent.agentId}/revoke`, {});
    await closed;
    const { rows: before } = await c.ctx.db.query('select last_seen_at, online_until from agents where id = $1', [agent.agentId]);
    const retry = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${agent.token}` } });
    const status = await new Promise<number>((resolve) => retry.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('open', () => resolve(101)));
    expect(status).toBe(403);
    const { rows: after } = await c.ctx.db.query('select last_seen_at, online_until from agents where id = $1', [agent.agentId]);
    expect(after).toEqual(before);
  });

  it('spends enrolment secrets: single use, a quota, and expiry', async () => {
    const single = await api.post<{ secret: string; maxUses: number }>('/api/v1/agents/enrollment-secrets', { label: 'installer', singleUse: true });
    expect(single.maxUses).toBe(1);
    expect((await enrol(c, newMachine('single-a'), single.secret)).status).toBe(200);
    const second = await enrol(c, newMachine('single-b'), single.secret);
    expect(second.status).toBe(401);
    const quota = await api.post<{ id: string; secret: string }>('/api/v1/agents/enrollment-secrets', { label: 'batch', maxUses: 2 });
    const attempts = await Promise.all([1, 2, 3].map((i) => enrol(c, newMachine(`quota-${i}`), quota.secret)));
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 200, 401]);
    const listed = (await api.get<{ items: Array<{ id: string; uses: number; maxUses: number }> }>('/api/v1/agents/enrollment-secrets')).items.find((s) => s.id === quota.id);
    expect(listed).toMatchObject({ uses: 2, maxUses: 2 });
    const expiring = await api.post<{ id: string; secret: string }>('/api/v1/agents/enrollment-secrets', { label: 'week', expiresInDays: 7 });
    expect((await enrol(c, newMachine('expiring-a'), expiring.secret)).status).toBe(200);
    await c.ctx.db.query("update enrollment_secrets set expires_at = now() - interval '1 second' where id = $1", [expiring.id]);
    expect((await enrol(c, newMachine('expiring-b'), expiring.secret)).status).toBe(401);
    const bad = await api.raw('POST', '/api/v1/agents/enrollment-secrets', { label: 'odd', singleUse: true, maxUses: 3 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/maxUses/);
  });

  it('raises a finding when a second agent presents a registered machine\'s serial, UUID and MACs', async () => {
    const laptop = newMachine('registered');
    const first = await install(c, laptop);
    const category = await api.post<{ id: string }>('/api/v1/register/categories', { name: `Laptops ${laptop.hostname}`, kind: 'hardware' });
    const asset = await api.post<{ id: string }>('/api/v1/register/assets', { name: laptop.hostname, categoryId: category.id, serial: laptop.serial, status: 'deployed' });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const linked = await c.ctx.db.query<{ asset_id: string }>('select asset_id from device_asset_links where device_id = $1', [first.deviceId]);
    expect(linked.rows).toEqual([{ asset_id: asset.id }]);

    const second = await install(c, laptop);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const findings = (await api.get<{ items: Finding[] }>(`/api/v1/findings?deviceId=${second.deviceId}&type=duplicate`)).items;
    expect(findings).toEqual([expect.objectContaining({ state: 'open', subtype: 'claimed' })]);
    expect(findings[0]!.details).toMatchObject({ agentId: second.agentId });
    // The first agent, still running, is refused and asks the same question about itself.
    expect((await postReport(c, first, laptop, later(5))).status).toBe(403);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const claims = (await api.get<{ items: Finding[] }>(`/api/v1/findings?deviceId=${second.deviceId}&type=duplicate&state=open`)).items;
    expect(claims.map((f) => f.details.agentId).sort()).toEqual([first.agentId, second.agentId].sort());

    // Revoking the impostor settles its claim; accepting the other settles the rest.
    await api.post(`/api/v1/agents/${first.agentId}/revoke`, {});
    const reviews = (await api.get<{ items: Array<{ id: string; agentId: string }> }>(`/api/v1/devices/identity-reviews?deviceId=${second.deviceId}&state=open`)).items;
    await api.post(`/api/v1/devices/identity-reviews/${reviews.find((r) => r.agentId === second.agentId)!.id}/accept`, {});
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect((await api.get<{ items: Finding[] }>(`/api/v1/findings?deviceId=${second.deviceId}&type=duplicate&state=open`)).items).toEqual([]);
    expect(await reported(c, second, laptop, later(20))).toBe(first.deviceId);
  });
});
