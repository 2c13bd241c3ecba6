import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../collector/src/store/migrate.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';

describe.each(CONTRACT_BACKENDS)('reports dated in the future (%s)', (backend) => {
  let c: TestCollector;
  let agent: { agentId: string; token: string };
  let admin: Record<string, string>;
  const send = (body: unknown) => fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(body),
  });
  const hostnameOf = async (deviceId: string) => ((await (await fetch(`${c.url}/api/v1/devices/${deviceId}`, { headers: admin })).json()) as { hostname: string }).hostname;
  const identity = (hostname: string) => ({ identity: { hostname, macAddresses: [] } });

  beforeAll(async () => {
    c = await startTestCollector(backend, { futureReportToleranceSeconds: 600 });
    agent = await enrolTestAgent(c.url);
    admin = await c.adminAuth();
  });
  afterAll(async () => c?.stop());

  it('refuses a report dated 9999-12-31 with a 400 naming collectedAt, and keeps applying correct ones', async () => {
    const first = await send(makeReport(agent.agentId, identity('before')));
    const { deviceId } = (await first.json()) as { deviceId: string };
    const future = await send(makeReport(agent.agentId, { ...identity('from-the-future'), collectedAt: '9999-12-31T00:00:00.000Z' }));
    expect(future.status).toBe(400);
    expect((await future.json()).message).toMatch(/collectedAt/);
    expect((await send(makeReport(agent.agentId, identity('after')))).status).toBe(200);
    expect(await hostnameOf(deviceId)).toBe('after');
  });

  it('accepts a clock running a little fast, within the tolerance', async () => {
    const ahead = new Date(Date.now() + 5 * 60_000).toISOString();
    const response = await send(makeReport(agent.agentId, { ...identity('a-little-fast'), collectedAt: ahead }));
    expect(response.status).toBe(200);
  });

  it('a device frozen by a future-dated report before the upgrade takes correct reports again', async () => {
    const other = await enrolTestAgent(c.url, 'frozen-host');
    const post = (body: unknown) => fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` }, body: JSON.stringify(body),
    });
    const { deviceId } = (await (await post(makeReport(other.agentId, identity('frozen-host')))).json()) as { deviceId: string };
    // What an older collector left behind: the device's latest report dated in the year 9999.
    await c.database.db.query("update devices set last_collected_at = '9999-12-31T00:00:00Z' where id = $1", [deviceId]);
    expect((await post(makeReport(other.agentId, identity('ignored')))).status).toBe(200);
    expect(await hostnameOf(deviceId)).toBe('frozen-host');

    await c.database.db.query('delete from schema_migrations where id = 24');
    expect(await migrate(c.database.db)).toEqual([24]);
    expect((await post(makeReport(other.agentId, identity('thawed')))).status).toBe(200);
    expect(await hostnameOf(deviceId)).toBe('thawed');
  });
});
