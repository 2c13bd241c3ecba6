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
    // Far below the agent's default of 30 s: the agent must follow the collector's word to beat this often.
    c = await startTestCollector(undefined, { heartbeatIntervalSeconds: 5 });
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
    const beatAt = async () => (await c.database.db.query<{ at: Date | null }>('select last_seen_at as at from agents where id = $1 and online_since is not null', [agentId])).rows[0]?.at;
    for (let i = 0; i < 300 && !(await beatAt()); i++) await new Promise((r) => setTimeout(r, 100));
    const first = await beatAt();
    expect(first).toBeTruthy();
    await agent.waitFor('heartbeat interval set by the collector');
    // The heartbeats come at the collector's 5 s, not the agent's own 30 s. Beats are stored in
    // batches, so one gap can be short or long by a batch; three gaps together are not.
    const seen = [first!.getTime()];
    for (let i = 0; i < 400 && seen.length < 4; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const at = (await beatAt())?.getTime();
      if (at !== undefined && at !== seen[seen.length - 1]) seen.push(at);
    }
    expect(seen).toHaveLength(4);
    const meanGap = (seen[3]! - seen[0]!) / 3;
    expect(meanGap).toBeGreaterThan(3000);
    expect(meanGap).toBeLessThan(12_000);

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
