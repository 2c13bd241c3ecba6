import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceStatistics, meAnswer, softwareHoldersAnswer, softwareSearchAnswer } from '@steward/shared';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../support/collector.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

let c: TestCollector;
let auth: { authorization: string };

beforeAll(async () => {
  c = await startTestCollector();
  auth = await c.adminAuth();
  const oses = ['Debian GNU/Linux', 'Debian GNU/Linux', 'Windows 11 Pro'];
  for (const [i, os] of oses.entries()) {
    const agent = await enrolTestAgent(c.url, `stat-${i}`);
    const report = makeReport(agent.agentId, {
      identity: { hostname: `stat-${i}`, macAddresses: [] },
      os: { platform: os.startsWith('Windows') ? 'windows' : 'linux', name: os },
      software: syntheticSoftware(10 * (i + 1)),
    });
    const r = await fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(report),
    });
    expect(r.status).toBe(200);
  }
});
afterAll(async () => c?.stop());

describe('devices API', () => {
  it('gives exact estate-wide statistics', async () => {
    const stats = deviceStatistics.parse(await (await fetch(`${c.url}/api/v1/devices/statistics`, { headers: auth })).json());
    expect(stats).toMatchObject({ total: 3, byKind: { agent: 3 }, softwareInstalls: 10 + 20 + 30, seenLast24h: 3, agentsTotal: 3 });
    expect(stats.byOs).toEqual([{ os: 'Debian GNU/Linux', devices: 2 }, { os: 'Windows 11 Pro', devices: 1 }]);
  });

  it('names the agent of each agent device', async () => {
    const list = (await (await fetch(`${c.url}/api/v1/devices`, { headers: auth })).json()) as { items: Array<{ agentId: string | null }> };
    expect(list.items.every((d) => typeof d.agentId === 'string')).toBe(true);
  });

  it('exports every device the filters find as CSV, in the list order, with formulas neutralised', async () => {
    const hostile = await enrolTestAgent(c.url, '=HYPERLINK("http://evil")');
    const report = makeReport(hostile.agentId, { identity: { hostname: '=HYPERLINK("http://evil")', macAddresses: [] } });
    expect((await fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${hostile.token}` }, body: JSON.stringify(report),
    })).status).toBe(200);
    const answer = await fetch(`${c.url}/api/v1/devices/export?search=stat-&sort=softwareCount&order=desc`, { headers: auth });
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="devices-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await answer.text()).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['hostname', 'kind', 'fqdn']);
    const list = (await (await fetch(`${c.url}/api/v1/devices?search=stat-&sort=softwareCount&order=desc`, { headers: auth })).json()) as { items: Array<{ hostname: string }>; total: number };
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(list.items.map((d) => d.hostname));
    expect(lines).toHaveLength(list.total + 1);
    const all = await (await fetch(`${c.url}/api/v1/devices/export`, { headers: auth })).text();
    expect(all).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(all).not.toMatch(/(^|,)=HYPERLINK/m);
    expect((await fetch(`${c.url}/api/v1/devices/export?sort=price`, { headers: auth })).status).toBe(400);
  });

  it('finds installed software across the estate by name, with versions and device counts, and the devices holding a title', async () => {
    // Three more machines, holding the first 2, 4 and 6 of a set of tools no other device has.
    const counts = [2, 4, 6];
    const tools = (n: number) => syntheticSoftware(n, 3).map((entry, i) => ({ ...entry, name: `tool-${i}` }));
    for (const [k, n] of counts.entries()) {
      const agent = await enrolTestAgent(c.url, `sw-${k}`);
      const report = makeReport(agent.agentId, { identity: { hostname: `sw-${k}`, macAddresses: [] }, software: tools(n) });
      expect((await fetch(`${c.url}/api/v1/agents/report`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(report),
      })).status).toBe(200);
    }
    const holdersOf = (i: number) => counts.filter((n) => n > i).length;
    const found = softwareSearchAnswer.parse(await (await fetch(`${c.url}/api/v1/software?search=TOOL-`, { headers: auth })).json()).items;
    const expected = tools(6)
      .map((entry, i) => ({ name: entry.name, publisher: entry.publisher!, versions: [entry.version!], devices: holdersOf(i), installs: holdersOf(i) }))
      .sort((x, y) => y.devices - x.devices || x.name.localeCompare(y.name));
    expect(found).toEqual(expected);
    // The search is literal: LIKE's wildcards match themselves only.
    expect(softwareSearchAnswer.parse(await (await fetch(`${c.url}/api/v1/software?search=_ool`, { headers: auth })).json()).items).toEqual([]);
    const tooShort = await fetch(`${c.url}/api/v1/software?search=t`, { headers: auth });
    expect(tooShort.status).toBe(400);
    expect(await tooShort.text()).toContain('search');

    const tool3 = tools(6)[3]!;
    const holders = softwareHoldersAnswer.parse(await (await fetch(`${c.url}/api/v1/software/devices?name=tool-3&publisher=${encodeURIComponent(tool3.publisher!)}`, { headers: auth })).json());
    expect(holders.total).toBe(holdersOf(3));
    expect(holders.items.map((h) => h.hostname).sort()).toEqual(['sw-1', 'sw-2']);
    expect(holders.items.every((h) => h.version === tool3.version)).toBe(true);
    const otherVersion = softwareHoldersAnswer.parse(await (await fetch(`${c.url}/api/v1/software/devices?name=tool-3&version=9.9.9`, { headers: auth })).json());
    expect(otherVersion).toEqual({ items: [], total: 0 });
  });

  it('says who is logged in, and logging out ends the session', async () => {
    const me = meAnswer.parse(await (await fetch(`${c.url}/api/v1/me`, { headers: auth })).json());
    expect(me).toEqual({ username: 'admin', role: 'admin' });
    expect((await fetch(`${c.url}/api/v1/auth/logout`, { method: 'POST', headers: auth })).status).toBe(204);
    expect((await fetch(`${c.url}/api/v1/me`, { headers: auth })).status).toBe(401);
  });
});
