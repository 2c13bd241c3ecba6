import { randomInt } from 'node:crypto';
import { enrolTestAgent, startTestCollector } from '../support/collector.js';
import { agentReportBody, apiRequest, FUZZ_SKIP, fuzz, fuzzableRoutes, type FuzzTally } from '../support/fuzz.js';

/** The CI fuzz suite's properties, run much longer and with a fresh seed (printed, to replay a failure). */
export async function benchFuzz(backend: 'embedded' | 'postgres', runs = 50_000): Promise<{ seed: number; reports: FuzzTally; bodies: FuzzTally; seconds: number }> {
  const seed = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
  const c = await startTestCollector(backend, { rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 });
  const started = performance.now();
  try {
    const agent = await enrolTestAgent(c.url);
    const admin = await c.adminAuth();
    console.log(`${backend}: seed ${seed}`);
    const reports = await fuzz(c.app, agentReportBody(agent.agentId).map((payload) => ({ payload })), {
      url: '/api/v1/agents/report', headers: { authorization: `Bearer ${agent.token}` },
    }, { runs, seed });
    const routes = fuzzableRoutes(await (await fetch(`${c.url}/docs/json`)).json(), FUZZ_SKIP);
    const bodies = await fuzz(c.app, apiRequest(routes), { headers: admin }, { runs, seed });
    return { seed, reports, bodies, seconds: (performance.now() - started) / 1000 };
  } finally {
    await c.stop();
  }
}
