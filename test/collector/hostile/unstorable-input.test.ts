import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';

/**
 * Text, dates and offsets the database cannot hold, anywhere in a request: each gets a 400 naming
 * the field, before anything is stored; a database out of reach gets 503 with Retry-After.
 */
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
}

describe.each(CONTRACT_BACKENDS)('input the database cannot hold (%s)', (backend) => {
  let c: TestCollector;
  let admin: Record<string, string>;
  let agent: { agentId: string; token: string };
  const json = { 'content-type': 'application/json' };
  const report = (body: string) => fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { ...json, authorization: `Bearer ${agent.token}` }, body });

  beforeAll(async () => {
    c = await startTestCollector(backend, { rateLimitPerMinute: 100_000 });
    admin = await c.adminAuth();
    agent = await enrolTestAgent(c.url);
  });
  afterAll(async () => c?.stop());

  it('a NUL byte in any query parameter of any list gets 400 naming the parameter', async () => {
    const doc = (await (await fetch(`${c.url}/docs/json`)).json()) as OpenApi;
    const lists = Object.entries(doc.paths).filter(([p, ops]) => ops.get && !p.includes('{'));
    expect(lists.length).toBeGreaterThan(20);
    const answers: string[] = [];
    for (const [p, ops] of lists) {
      const names = [...(ops.get!.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name), 'undocumented'];
      for (const name of names) {
        const response = await fetch(`${c.url}${p}?${name}=a%00b`, { headers: admin });
        const body = await response.text();
        answers.push(`${p}?${name}: ${response.status}`);
        expect(response.status, `${p}?${name}`).toBe(400);
        expect(body, `${p}?${name}`).toContain(`query: ${name}: must not contain NUL`);
      }
    }
    expect(answers.length).toBeGreaterThan(lists.length);
  });

  it('unpaired surrogates are refused by name, never silently replaced', async () => {
    const user = await fetch(`${c.url}/api/v1/users`, { method: 'POST', headers: { ...json, ...admin }, body: '{"username":"x\\ud800y","password":"long-enough-1","role":"auditor"}' });
    expect(user.status).toBe(400);
    expect((await user.json()).message).toMatch(/username: must not contain unpaired UTF-16 surrogates/);
    const software = JSON.stringify(makeReport(agent.agentId, { software: [{ name: 'ok', source: 'dpkg' }, { name: 'PLACEHOLDER', source: 'dpkg' }] })).replace('PLACEHOLDER', '\\udc00 lone');
    const refused = await report(software);
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/software\.1\.name/);
    const { rows } = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports');
    expect(rows[0]!.n).toBe(0);
    // A pair that makes one character is fine.
    const paired = await report(JSON.stringify(makeReport(agent.agentId, { software: [{ name: 'emoji \ud83d\ude00', source: 'dpkg' }] })));
    expect(paired.status).toBe(200);
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z', /collectedAt: year must be between 0001 and 9999/],
    ['an offset beyond ±15:59', '2026-01-01T00:00:00+16:00', /collectedAt: UTC offset must be within ±15:59/],
  ])('a report collected in %s gets 400 naming collectedAt', async (_name, collectedAt, message) => {
    const response = await report(JSON.stringify(makeReport(agent.agentId, { collectedAt })));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });

  it('a register date in year 0000 gets 400 naming the field', async () => {
    const response = await fetch(`${c.url}/api/v1/register/assets`, {
      method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ name: 'laptop', purchaseDate: '0000-06-01' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/purchaseDate: year must be between 0001 and 9999/);
  });
});

describe.each(CONTRACT_BACKENDS)('a database that is gone (%s)', (backend) => {
  it('answers 503 with Retry-After, never 500', async () => {
    const c = await startTestCollector(backend);
    const admin = await c.adminAuth();
    try {
      await c.database.db.close();
      for (const route of ['/api/v1/health', '/api/v1/devices', '/api/v1/register/assets']) {
        const response = await fetch(`${c.url}${route}`, { headers: admin });
        expect(response.status, route).toBe(503);
        expect(response.headers.get('retry-after'), route).toBe('5');
      }
    } finally {
      await c.close().catch(() => undefined);
      await c.database.drop().catch(() => undefined);
    }
  });
});
