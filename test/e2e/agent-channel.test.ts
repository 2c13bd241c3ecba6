import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, TEST_ENROLL_SECRET, type TestCollector } from '../support/collector.js';
import { spawnBin, type Spawned } from '../support/processes.js';

/** The agent as a service: it enrols, reports, keeps its channel open and collects when asked. */
describe('agent service and its live channel', () => {
  let c: TestCollector;
  let agent: Spawned;
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'steward-agent-'));

  beforeAll(async () => {
    c = await startTestCollector();
    agent = spawnBin('agent', [], {
      STEWARD_SERVER: c.url,
      STEWARD_ENROLL_SECRET: TEST_ENROLL_SECRET,
      STEWARD_AGENT_STATE_DIR: stateDir,
      STEWARD_AGENT_INTERVAL: '3600',
      STEWARD_LOG_LEVEL: 'info',
    });
  });
  afterAll(async () => {
    agent?.child.kill('SIGTERM');
    await agent?.exited;
    await c?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('reports once, sends heartbeats, and collects again when the collector asks', async () => {
    await agent.waitFor('report delivered');
    const { rows: agents } = await c.database.db.query<{ id: string }>('select id from agents');
    expect(agents).toHaveLength(1);
    const agentId = agents[0]!.id;
    for (let i = 0; i < 100; i++) {
      const { rows } = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_heartbeats where agent_id = $1', [agentId]);
      if (rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rows: beats } = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_heartbeats where agent_id = $1', [agentId]);
    expect(beats[0]!.n).toBeGreaterThan(0);

    const auth = await c.adminAuth();
    const list = (await (await fetch(`${c.url}/api/v1/devices`, { headers: auth })).json()) as { items: Array<{ online: boolean }> };
    expect(list.items[0]?.online).toBe(true);

    const ask = await fetch(`${c.url}/api/v1/agents/${agentId}/collect`, { method: 'POST', headers: auth });
    expect(ask.status).toBe(200);
    await agent.waitFor(/report delivered[\s\S]*report delivered/, 30_000);
    const { rows: reports } = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports');
    expect(reports[0]!.n).toBe(2);
  });
});
