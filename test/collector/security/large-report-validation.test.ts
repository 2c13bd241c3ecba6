import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

/**
 * A large report is checked a slice at a time: its refusals still name the entry and field, the
 * text no column can hold is still found however deep it sits, and nothing of a refused report
 * is stored.
 */
describe.each(CONTRACT_BACKENDS)('large reports checked in slices (%s)', (backend) => {
  let c: TestCollector;
  let agent: { agentId: string; token: string };
  const send = (body: unknown) => fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(body),
  });
  const stored = async () => (await c.database.db.query<{ n: number }>('select count(*)::int as n from device_software')).rows[0]!.n;

  beforeAll(async () => {
    c = await startTestCollector(backend);
    agent = await enrolTestAgent(c.url);
  });
  afterAll(async () => c?.stop());

  it('names a bad entry deep in the list and stores nothing', async () => {
    const software: unknown[] = syntheticSoftware(12_000);
    software[9_876] = { ...(software[9_876] as object), name: '' };
    software[11_000] = { ...(software[11_000] as object), source: 'floppy' };
    const answer = await send(makeReport(agent.agentId, { software: software as never }));
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { message: string; issues?: string[] };
    expect(body.message).toContain('software.9876.name');
    expect(body.issues?.some((issue) => issue.startsWith('software.11000.source'))).toBe(true);
    expect(await stored()).toBe(0);
  });

  it('finds a NUL escaped deep in a large report, and a lone surrogate', async () => {
    for (const bad of ['a\u0000b', 'x\uD800y']) {
      const software = syntheticSoftware(12_000);
      software[7_000] = { ...software[7_000]!, publisher: bad };
      const answer = await send(makeReport(agent.agentId, { software }));
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('software.7000.publisher: must not contain');
    }
    expect(await stored()).toBe(0);
  });

  it('stores a good large report whole, entries as sent', async () => {
    const software = syntheticSoftware(12_000, 3);
    const answer = await send(makeReport(agent.agentId, { software }));
    expect(answer.status).toBe(200);
    expect(await stored()).toBe(12_000);
    const { rows } = await c.database.db.query<{ version: string }>("select version from device_software where name = 'package-11999'");
    expect(rows[0]?.version).toBe(software[11_999]!.version);
  });
});
