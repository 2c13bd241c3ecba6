import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../collector/src/services/auth.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

/**
 * Attacks and bad input against the agent channel and the API (the SNMP poller's hostile devices
 * are in test/collector/snmp). Each must get a clear 4xx, or be stored harmlessly as data, and
 * leave nothing half-written. The table in CASES.md lists them.
 */
let c: TestCollector;
let agent: { agentId: string; token: string };
let admin: Record<string, string>;
const tokens: Record<string, Record<string, string>> = {};

async function counts() {
  const q = async (t: string) => (await c.database.db.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n;
  return { reports: await q('agent_reports'), devices: await q('devices'), software: await q('device_software'), agents: await q('agents') };
}
const json = { 'content-type': 'application/json' };
const report = (body: unknown, token = agent.token, headers: Record<string, string> = {}) =>
  fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}`, ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
async function loginAs(username: string, password: string) {
  const r = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
  return { authorization: `Bearer ${((await r.json()) as { token: string }).token}` };
}

beforeAll(async () => {
  c = await startTestCollector();
  agent = await enrolTestAgent(c.url);
  admin = await c.adminAuth();
  for (const role of ['itadmin', 'compliance', 'helpdesk', 'auditor'] as const) {
    await createUser(c.database.db, `${role}-user`, `${role}-password-1`, role);
    tokens[role] = await loginAs(`${role}-user`, `${role}-password-1`);
  }
});
afterAll(async () => c?.stop());

describe('injection in text fields is stored as data, never executed', () => {
  const payloads: Array<[string, Parameters<typeof makeReport>[1], string]> = [
    ['SQL in a hostname', { identity: { hostname: "x'); drop table devices; --", macAddresses: [] } }, "x'); drop table devices; --"],
    ['SQL in a software name', { software: [{ name: "pkg' or '1'='1", source: 'dpkg' }] }, "pkg' or '1'='1"],
    ['script in a hostname', { identity: { hostname: '<script>alert(1)</script>', macAddresses: [] } }, '<script>alert(1)</script>'],
    ['a spreadsheet formula in a publisher', { software: [{ name: 'calc', publisher: '=cmd|"/c calc"!A1', source: 'registry' }] }, '=cmd|"/c calc"!A1'],
    ['JSON-looking text in an OS name', { os: { platform: 'linux', name: '{"$ne": null}' } }, '{"$ne": null}'],
  ];
  it.each(payloads)('%s', async (_name, patch, text) => {
    const response = await report(makeReport(agent.agentId, patch));
    expect(response.status).toBe(200);
    const { deviceId } = (await response.json()) as { deviceId: string };
    const device = await fetch(`${c.url}/api/v1/devices/${deviceId}`, { headers: admin });
    expect(device.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.stringify(await device.json())).toContain(JSON.stringify(text).slice(1, -1));
    expect((await c.database.db.query('select 1 from devices limit 1')).rows).toHaveLength(1);
  });
});

describe('malformed agent reports get a 4xx naming the problem and store nothing', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  // Large inventories travel compressed, as the agent sends them.
  const gzip = { 'content-encoding': 'gzip' };
  const cases: Array<[string, () => unknown, number, RegExp, Record<string, string>?]> = [
    ['a body of 50 MB', () => Buffer.alloc(50 * 1024 * 1024, 0x61), 413, /bytes/],
    ['100,000 levels of nesting', () => deep(100_000), 400, /body|report/],
    ['wrong types everywhere', () => ({ ...makeReport(agent.agentId), software: 5, identity: [] }), 400, /software|identity/],
    ['invalid UTF-8', () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, /UTF-8/],
    ['a NUL byte in a name', () => makeReport(agent.agentId, { identity: { hostname: 'a\u0000b', macAddresses: [] } }), 400, /identity\.hostname/],
    ['more software entries than any machine has', () => gzipSync(JSON.stringify(makeReport(agent.agentId, { software: syntheticSoftware(100_001) }))), 400, /software/, gzip],
    ['a hostname of 10,000 characters', () => makeReport(agent.agentId, { identity: { hostname: 'h'.repeat(10_000), macAddresses: [] } }), 400, /identity\.hostname/],
    ['a malformed MAC address', () => makeReport(agent.agentId, { identity: { hostname: 'h', macAddresses: ['zz:zz'] } }), 400, /macAddresses/],
    ['a date that is not one', () => ({ ...makeReport(agent.agentId), collectedAt: 'yesterday' }), 400, /collectedAt/],
    ['a report id that is not a UUID', () => ({ ...makeReport(agent.agentId), reportId: '../../etc/passwd' }), 400, /reportId/],
    ['an unknown protocol version', () => ({ ...makeReport(agent.agentId), protocol: 2 }), 400, /protocol/],
    ['truncated JSON', () => JSON.stringify(makeReport(agent.agentId)).slice(0, 200), 400, /JSON/],
  ];
  it.each(cases)('%s', async (_name, body, status, message, headers) => {
    const before = await counts();
    const response = await report(body() as string, agent.token, headers);
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('a body that is not JSON at all', async () => {
    const before = await counts();
    const response = await fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${agent.token}` }, body: 'hello' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/report/);
    expect(await counts()).toEqual(before);
  });

  it('a content type the collector does not read', async () => {
    const response = await fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { 'content-type': 'application/x-evil', authorization: `Bearer ${agent.token}` }, body: 'hello' });
    expect(response.status).toBe(415);
  });

  it('keys meant to pollute prototypes change nothing', async () => {
    const body = JSON.stringify(makeReport(agent.agentId)).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    expect((await report(body)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('forged, replayed and borrowed agent identities', () => {
  it('a forged token', async () => expect((await report(makeReport(agent.agentId), 'sta_forged-token')).status).toBe(401));
  it('no token at all', async () => {
    const r = await fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: json, body: JSON.stringify(makeReport(agent.agentId)) });
    expect(r.status).toBe(401);
  });
  it('a user session token used as an agent token', async () => expect((await report(makeReport(agent.agentId), admin.authorization!.slice(7))).status).toBe(401));
  it('an agent token used as a user session', async () => {
    expect((await fetch(`${c.url}/api/v1/devices`, { headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(401);
  });
  it('another agent’s id in the report', async () => {
    const other = await enrolTestAgent(c.url, 'victim');
    const before = await counts();
    expect((await report(makeReport(other.agentId))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
  it('a replayed report is stored once', async () => {
    const body = JSON.stringify(makeReport(agent.agentId));
    expect((await report(body)).status).toBe(200);
    const before = await counts();
    const again = await report(body);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await counts()).toEqual(before);
  });
  it('a replayed report id with a changed body', async () => {
    const original = makeReport(agent.agentId);
    expect((await report(original)).status).toBe(200);
    expect((await report({ ...original, software: [] })).status).toBe(409);
  });
  it('enrolment with a wrong secret', async () => {
    const before = await counts();
    const r = await fetch(`${c.url}/api/v1/agents/enroll`, { method: 'POST', headers: json, body: JSON.stringify({ protocol: 1, secret: "' or 1=1 --", hostname: 'x', agentVersion: '1', platform: 'linux' }) });
    expect(r.status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('the live channels', () => {
  it('refuses an agent socket without a token', async () => {
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
  it('answers garbage on the agent socket with an error and keeps serving', async () => {
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${agent.token}` } });
    await new Promise((r) => ws.on('open', r));
    ws.send('{"type":"heartbeat","sentAt":"not a date"}');
    const reply = await new Promise<string>((r) => ws.on('message', (d) => r(String(d))));
    expect(reply).toMatch(/not a valid agent message/);
    ws.close();
    expect((await fetch(`${c.url}/api/v1/health`)).status).toBe(200);
  });
  it('closes an agent socket that sends an oversized message', async () => {
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${agent.token}` } });
    await new Promise((r) => ws.on('open', r));
    ws.send('x'.repeat(200_000));
    const code = await new Promise<number>((r) => ws.on('close', (c) => r(c)));
    expect(code).toBe(1009);
    expect((await fetch(`${c.url}/api/v1/health`)).status).toBe(200);
  });
  it('closes a dashboard event socket presenting a forged session', async () => {
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/events`);
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'auth', token: 'sts_forged' }));
    const code = await new Promise<number>((r) => ws.on('close', (c) => r(c)));
    expect(code).toBe(4401);
  });
});

describe('queries and paths', () => {
  const get = (path: string, headers = admin) => fetch(`${c.url}${path}`, { headers });
  it('SQL and LIKE wildcards in a search', async () => {
    const r = await get(`/api/v1/devices?search=${encodeURIComponent("%' or 1=1 --")}`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { total: number }).total).toBe(0);
  });
  it('a negative limit', async () => expect((await get('/api/v1/devices?limit=-1')).status).toBe(400));
  it('a huge offset', async () => expect((await get('/api/v1/devices?offset=1e12')).status).toBe(400));
  it('a sort column smuggling SQL', async () => expect((await get('/api/v1/devices?sort=hostname;drop%20table%20devices')).status).toBe(400));
  it('path traversal in a device id', async () => expect((await get('/api/v1/devices/..%2F..%2Fetc%2Fpasswd')).status).toBe(400));
  it('path traversal in a dashboard file', async () => {
    const r = await fetch(`${c.url}/..%2f..%2fpackage.json`);
    expect(await r.text()).not.toContain('"workspaces"');
  });
  it('a login with an array for a username', async () => {
    const r = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: ['admin'], password: 'x' }) });
    expect(r.status).toBe(400);
  });
  it('a cross-origin request gets no CORS grant', async () => {
    const r = await fetch(`${c.url}/api/v1/devices`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('privilege escalation by each role', () => {
  const attempts: Array<[string, string, string, string, number]> = [
    ['helpdesk', 'reads the audit log', 'GET', '/api/v1/audit', 403],
    ['helpdesk', 'commands an agent', 'POST', `/api/v1/agents/${randomUUID()}/collect`, 403],
    ['auditor', 'revokes an agent', 'POST', `/api/v1/agents/${randomUUID()}/revoke`, 403],
    ['compliance', 'makes an enrolment secret', 'POST', '/api/v1/agents/enrollment-secrets', 403],
    ['itadmin', 'lists enrolment secrets', 'GET', '/api/v1/agents/enrollment-secrets', 403],
    ['auditor', 'commands an agent', 'POST', `/api/v1/agents/${randomUUID()}/collect`, 403],
  ];
  it.each(attempts)('%s %s', async (role, _what, method, path, status) => {
    const headers = { ...tokens[role]!, ...(method === 'POST' ? json : {}) };
    const r = await fetch(`${c.url}${path}`, { method, headers, body: method === 'POST' ? JSON.stringify({ label: 'x' }) : undefined });
    expect(r.status).toBe(status);
  });
});

describe('fuzzing the report endpoint', () => {
  /** A small deterministic generator, so a failing input can be replayed from its seed. */
  function prng(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
  }
  const oddities = ['', '\u202e', '\ud800', 'é', '%s%n', '<img src=x onerror=alert(1)>', "';--", '=1+1', '\u0000', 'A'.repeat(5000), -1, 1e308, null, true, [], {}];

  function mutate(value: unknown, random: () => number, depth = 0): unknown {
    if (random() < 0.04) return oddities[Math.floor(random() * oddities.length)];
    if (Array.isArray(value)) return value.slice(0, 3).map((v) => mutate(v, random, depth + 1));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (random() > 0.02) out[k] = depth < 4 ? mutate(v, random, depth + 1) : v;
      return out;
    }
    return value;
  }

  it('survives 2,000 malformed reports with no 5xx and nothing half-stored', { timeout: 600_000 }, async () => {
    const random = prng(20261126);
    const statuses = new Map<number, number>();
    let accepted = 0;
    const before = await counts();
    for (let i = 0; i < 2000; i++) {
      let body = JSON.stringify(random() < 0.2 ? makeReport(agent.agentId) : mutate(makeReport(agent.agentId), random));
      if (random() < 0.05) body = body.slice(0, Math.floor(random() * body.length));
      const r = await report(body);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 200 && !((await r.json()) as { duplicate: boolean }).duplicate) accepted++;
      else await r.arrayBuffer();
    }
    expect([...statuses.keys()].every((s) => s < 500), JSON.stringify([...statuses])).toBe(true);
    expect((await fetch(`${c.url}/api/v1/health`)).status).toBe(200);
    const after = await counts();
    expect(accepted).toBeGreaterThan(0);
    expect(after.reports - before.reports).toBe(accepted);
    // Every stored device's software count matches the rows stored for it.
    const { rows } = await c.database.db.query<{ bad: number }>(
      `select count(*)::int as bad from devices d
        where d.software_count <> (select count(*) from device_software s where s.device_id = d.id)`);
    expect(rows[0]!.bad).toBe(0);
    console.log(`fuzz: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; ${accepted} accepted`);
  });
});
