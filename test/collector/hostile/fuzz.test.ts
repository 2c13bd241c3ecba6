import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { agentReportBody, apiRequest, FUZZ_SKIP, fuzz, fuzzableRoutes } from '../../support/fuzz.js';
import { TEST_BACKEND } from '../../support/database.js';

/**
 * Property-based fuzzing (fast-check) of the agent protocol and of every API body, with a fixed
 * seed so a failure replays: no answer may be a 5xx, and the collector serves throughout.
 * `npm run bench -- fuzz` runs the same far longer with a fresh seed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);

describe(`fuzzing the collector (${TEST_BACKEND}, seed ${SEED})`, () => {
  let c: TestCollector;
  let agent: { agentId: string; token: string };
  let admin: Record<string, string>;

  beforeAll(async () => {
    c = await startTestCollector(undefined, { rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 });
    agent = await enrolTestAgent(c.url);
    admin = await c.adminAuth();
  });
  afterAll(async () => c?.stop());

  it(`${RUNS} agent reports: no 5xx`, { timeout: 1_800_000 }, async () => {
    const tally = await fuzz(c.app, agentReportBody(agent.agentId).map((payload) => ({ payload })), {
      url: '/api/v1/agents/report', headers: { authorization: `Bearer ${agent.token}` },
    }, { runs: RUNS, seed: SEED });
    console.log(`agent reports: ${JSON.stringify(tally.statuses)}`);
    expect(tally.runs).toBe(RUNS);
    // Both paths were taken: some reports stored, some refused.
    expect(tally.statuses[200]).toBeGreaterThan(RUNS / 20);
    expect(tally.statuses[400]).toBeGreaterThan(RUNS / 20);
    expect((await fetch(`${c.url}/api/v1/health`)).status).toBe(200);
  });

  it(`${RUNS} API bodies over every route that takes one: no 5xx`, { timeout: 1_800_000 }, async () => {
    const doc = await (await fetch(`${c.url}/docs/json`)).json();
    const routes = fuzzableRoutes(doc, FUZZ_SKIP);
    expect(routes.length).toBeGreaterThan(50);
    const tally = await fuzz(c.app, apiRequest(routes), { headers: admin }, { runs: RUNS, seed: SEED });
    console.log(`API bodies over ${routes.length} routes: ${JSON.stringify(tally.statuses)}`);
    expect(tally.runs).toBe(RUNS);
    expect(Object.keys(tally.statuses).filter((s) => Number(s) < 300).length).toBeGreaterThan(0);
    expect((await fetch(`${c.url}/api/v1/health`)).status).toBe(200);
  });
});
