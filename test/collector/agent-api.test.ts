import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../support/collector.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

let c: TestCollector;
let agent: { agentId: string; token: string };

beforeAll(async () => {
  c = await startTestCollector();
  agent = await enrolTestAgent(c.url);
});
afterAll(async () => c?.stop());

function postReport(body: string | Buffer, token = agent.token) {
  return fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
}

async function storedCounts() {
  const reports = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports');
  const software = await c.database.db.query<{ n: number }>('select count(*)::int as n from device_software');
  const devices = await c.database.db.query<{ n: number }>('select count(*)::int as n from devices');
  return { reports: reports.rows[0]!.n, software: software.rows[0]!.n, devices: devices.rows[0]!.n };
}

describe('health and login', () => {
  it('reports the database back end', async () => {
    const health = await (await fetch(`${c.url}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: c.database.backend === 'embedded' ? 'embedded' : expect.stringMatching(/^(postgres|timescaledb)$/) });
  });

  it('refuses a wrong password and the API without a token', async () => {
    const bad = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'nope-nope' }) });
    expect(bad.status).toBe(401);
    expect((await fetch(`${c.url}/api/v1/devices`)).status).toBe(401);
  });
});

describe('enrolment', () => {
  it('refuses a wrong secret', async () => {
    const response = await fetch(`${c.url}/api/v1/agents/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, secret: 'wrong', hostname: 'x', agentVersion: '0', platform: 'linux' }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toMatch(/secret/);
  });
});

describe('malformed reports are refused with the problem named, and store nothing', () => {
  const cases: Array<[string, () => string | Buffer, number, RegExp]> = [
    ['a wrong type', () => JSON.stringify({ ...makeReport(agent.agentId), software: 'many' }), 400, /software/],
    ['a missing field', () => { const { identity: _omit, ...rest } = makeReport(agent.agentId); return JSON.stringify(rest); }, 400, /identity/],
    ['a software name of the wrong type', () => JSON.stringify(makeReport(agent.agentId, { software: [{ name: 42, source: 'dpkg' } as never] })), 400, /software\.0\.name/],
    ['a NUL character in a name', () => JSON.stringify(makeReport(agent.agentId, { software: [{ name: 'evil\u0000pkg', source: 'dpkg' }] })), 400, /software\.0\.name.*NUL/],
    ['invalid UTF-8', () => Buffer.concat([Buffer.from(JSON.stringify(makeReport(agent.agentId)).slice(0, -1)), Buffer.from(',"x":"\xc3\x28"}', 'latin1')]), 400, /UTF-8/],
    ['broken JSON', () => '{"protocol":1,', 400, /JSON/],
    ['a body of 50 MB', () => Buffer.alloc(50 * 1024 * 1024, 0x20), 413, /bytes/],
    ['an unknown protocol version', () => JSON.stringify({ ...makeReport(agent.agentId), protocol: 99 }), 400, /protocol/],
  ];
  it.each(cases)('%s', async (_name, body, status, message) => {
    const before = await storedCounts();
    const response = await postReport(body());
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toMatch(message);
    expect(await storedCounts()).toEqual(before);
  });

  it('keeps serving after all of them', async () => {
    const response = await postReport(JSON.stringify(makeReport(agent.agentId)));
    expect(response.status).toBe(200);
  });
});

describe('report delivery', () => {
  it('refuses a report without a valid agent token', async () => {
    expect((await postReport(JSON.stringify(makeReport(agent.agentId)), 'sta_forged')).status).toBe(401);
  });

  it('refuses a report naming another agent', async () => {
    const other = await enrolTestAgent(c.url, 'other');
    const response = await postReport(JSON.stringify(makeReport(other.agentId)));
    expect(response.status).toBe(403);
  });

  it('stores a 20,000-entry report completely and shows it in the devices API', async () => {
    const big = await enrolTestAgent(c.url, 'big-host');
    const report = makeReport(big.agentId, { identity: { hostname: 'big-host', macAddresses: [] }, software: syntheticSoftware(20_000) });
    const response = await postReport(JSON.stringify(report), big.token);
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ duplicate: false, softwareCount: 20_000 });
    const auth = await c.adminAuth();
    const list = await (await fetch(`${c.url}/api/v1/devices?search=big-host`, { headers: auth })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].softwareCount).toBe(20_000);
    const device = await (await fetch(`${c.url}/api/v1/devices/${answer.deviceId}`, { headers: auth })).json();
    expect(device.software).toHaveLength(20_000);
  });

  it('answers a replay as success without storing it twice, and a changed body with 409', async () => {
    const body = JSON.stringify(makeReport(agent.agentId));
    const first = await postReport(body);
    const again = await postReport(body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    const changed = JSON.parse(body);
    changed.identity.hostname = 'tampered';
    expect((await postReport(JSON.stringify(changed))).status).toBe(409);
  });

  it('validates list queries', async () => {
    const auth = await c.adminAuth();
    const response = await fetch(`${c.url}/api/v1/devices?limit=100000`, { headers: auth });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/limit/);
  });
});

describe('metrics', () => {
  it('counts ingested reports by outcome', async () => {
    const { metrics } = await import('../../collector/src/alerts/metrics.js');
    const value = async (outcome: string) => (await metrics.reportsIngested.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
    const [applied, duplicate] = [await value('applied'), await value('duplicate')];
    const body = JSON.stringify(makeReport(agent.agentId));
    await postReport(body);
    await postReport(body);
    expect(await value('applied')).toBe(applied + 1);
    expect(await value('duplicate')).toBe(duplicate + 1);
  });
});
