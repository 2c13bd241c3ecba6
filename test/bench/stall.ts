import { gzipSync } from 'node:zlib';
import { enrolTestAgent, startTestCollector } from '../support/collector.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

export interface StallFigures {
  backend: string;
  /** Time to store one full report of 100,000 software entries, first and with every entry changed. */
  firstReportMs: number;
  changedReportMs: number;
  /** The slowest health answer while each report was stored. */
  healthWorstFirstMs: number;
  healthWorstChangedMs: number;
}

async function timeWithHealth(url: string, send: () => Promise<Response>): Promise<{ reportMs: number; healthWorstMs: number }> {
  let done = false;
  let worst = 0;
  const started = performance.now();
  const sending = send().then(async (r) => {
    if (!r.ok) throw new Error(`report refused: ${r.status} ${await r.text()}`);
    done = true;
    return performance.now() - started;
  });
  while (!done) {
    const t = performance.now();
    // A reused connection the server closed while busy fails at once: the next one is timed.
    await fetch(`${url}/api/v1/health`).catch(() => fetch(`${url}/api/v1/health`));
    worst = Math.max(worst, performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { reportMs: await sending, healthWorstMs: worst };
}

/** A genuine 100,000-entry inventory, sent as the agent sends it, while health is polled. */
export async function benchStall(backend: 'embedded' | 'postgres', entries = 100_000): Promise<StallFigures> {
  const c = await startTestCollector(backend);
  try {
    const agent = await enrolTestAgent(c.url);
    const send = (seed: number) => () => fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${agent.token}` },
      body: gzipSync(JSON.stringify(makeReport(agent.agentId, { software: syntheticSoftware(entries, seed), collectedAt: new Date(Date.now() + seed * 1000).toISOString() }))),
    });
    const first = await timeWithHealth(c.url, send(0));
    const changed = await timeWithHealth(c.url, send(1));
    return { backend, firstReportMs: first.reportMs, changedReportMs: changed.reportMs, healthWorstFirstMs: first.healthWorstMs, healthWorstChangedMs: changed.healthWorstMs };
  } finally {
    await c.stop();
  }
}
