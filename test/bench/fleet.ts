// `npm run bench -- fleet [--agents N] [--processes P] [--seconds S] [--reports N] [--interval S]`
// A collector in this process (on PostgreSQL when TEST_DATABASE_URL is set, else embedded), simulated
// agents in child processes speaking the real protocol. Prints ingest rates at concurrency 1, 8 and 32,
// heartbeat cost, memory per connected agent, API p95 under load, and a reconnection storm.
import { parseArgs } from 'node:util';
import type { RunningCollector } from '../../collector/src/collector.js';
import { Fleet, percentile } from '../fleet/fleet.js';
import { adminAuth, startCollectorOn, TEST_ENROLL_SECRET } from '../support/collector.js';
import { createTestDatabase } from '../support/database.js';
import { freePort } from '../support/processes.js';
import { queueLengths } from '../../collector/src/store/reconcile/queue.js';
import { watchedDatabase } from '../support/watched-database.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'fleet'),
  options: {
    agents: { type: 'string', default: '200' },
    processes: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
    reports: { type: 'string', default: '48' },
    interval: { type: 'string', default: '5' },
  },
});
const AGENTS = Number(values.agents);
const WINDOW_S = Number(values.seconds);
const REPORTS = Number(values.reports);
const INTERVAL_S = Number(values.interval);

function line(name: string, value: string, target?: string) {
  console.log(`${name.padEnd(58)} ${value.padStart(16)}${target ? `   (target ${target})` : ''}`);
}
/** 429 answers and requests that failed outright between two tallies. */
const refusals = (before: { refused: number; failed: number }, after: { refused: number; failed: number }) =>
  `${after.refused - before.refused} × 429${after.failed > before.failed ? `, ${after.failed - before.failed} failed` : ''}`;
const seconds = (since: number) => (Date.now() - since) / 1000;
/** Memory the collector holds in JavaScript: heap and buffers (RSS does not shrink after the report phases). */
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const database = await createTestDatabase();
const { db, watch } = watchedDatabase(database.db);
const port = await freePort();
// The API is polled as fast as it answers below: far past the per-address limit meant for people.
const settings = { port, heartbeatIntervalSeconds: INTERVAL_S, logLevel: 'silent', rateLimitPerMinute: 10_000_000 };
let collector: RunningCollector = await startCollectorOn(db, settings);
const fleet = await Fleet.start({ server: collector.url, enrollSecret: TEST_ENROLL_SECRET, agents: AGENTS, processes: Number(values.processes), maxSeconds: 3600 });
console.log(`\n== Fleet: ${AGENTS} simulated agents in ${values.processes} processes, collector on ${database.backend}, heartbeats every ${INTERVAL_S} s`);

try {
  let t = Date.now();
  await fleet.enrol(16);
  line('enrolments/s (concurrency 16)', (AGENTS / seconds(t)).toFixed(1));

  // First inventories: every agent sends one, shared out over the three concurrencies.
  const levels = [1, 8, 32];
  const firstShare = levels.map((c) => Math.max(c, Math.round((AGENTS * c) / 41)));
  for (const [i, c] of levels.entries()) {
    const before = await fleet.tally();
    t = Date.now();
    const after = await fleet.reports('full', c, firstShare[i]!);
    line(`full reports/s, first inventory, concurrency ${c}`, `${((after.fullReports - before.fullReports) / seconds(t)).toFixed(1)} (${refusals(before, after)})`, '≥ 300/s');
  }
  for (const c of levels) {
    const before = await fleet.tally();
    t = Date.now();
    const after = await fleet.reports('full', c, Math.min(REPORTS, AGENTS));
    line(`full reports/s, unchanged re-report, concurrency ${c}`, `${((after.fullReports - before.fullReports) / seconds(t)).toFixed(1)} (${refusals(before, after)})`, '≥ 300/s');
  }
  for (const c of levels) {
    const before = await fleet.tally();
    t = Date.now();
    const after = await fleet.reports('delta', c, Math.min(REPORTS, AGENTS));
    line(`deltas/s (20 packages), concurrency ${c}`, `${((after.deltas - before.deltas) / seconds(t)).toFixed(1)} (${refusals(before, after)})`, '≥ 3,000/s');
  }

  gc();
  const heldBefore = held();
  t = Date.now();
  await fleet.connect();
  line('WebSocket connections/s', (AGENTS / seconds(t)).toFixed(1));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  gc();
  line('collector memory per connected agent (heap + buffers)', `${((held() - heldBefore) / AGENTS / 1024).toFixed(1)} KB`, '100,000 within 1 GiB: ≤ 10.5 KB');

  // The reports' reconciliation finishes first, so the window below measures heartbeats alone.
  t = Date.now();
  while (Date.now() - t < 300_000) {
    const queued = await queueLengths(database.db);
    if (queued.devices + queued.products === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  line('reconciliation queue drained after the reports in', `${seconds(t).toFixed(1)} s`);

  // Heartbeats alone: what they cost this process (the collector, and on the embedded back end the database too).
  await fleet.tally();
  const statementsBefore = watch.statements;
  const heartbeatStatementsBefore = watch.heartbeatStatements;
  const beatsBefore = collector.ctx.presence.counts.beats;
  const cpuBefore = process.cpuUsage();
  t = Date.now();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000));
  const beats = await fleet.tally();
  const cpu = process.cpuUsage(cpuBefore);
  const window = seconds(t);
  const received = collector.ctx.presence.counts.beats - beatsBefore;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  line('heartbeats absorbed/s (offered: agents / interval)', `${(received / window).toFixed(1)} of ${(AGENTS / INTERVAL_S).toFixed(1)}`);
  line('heartbeat acknowledgement p50 / p95', `${percentile(beats.ackMs, 50)} / ${percentile(beats.ackMs, 95)} ms`);
  line('SQL statements per 1,000 heartbeats: heartbeat writes', ((watch.heartbeatStatements - heartbeatStatementsBefore) / received * 1000).toFixed(1));
  line('SQL statements per 1,000 heartbeats: all the collector ran', ((watch.statements - statementsBefore) / received * 1000).toFixed(1));
  line('collector CPU per 1,000 heartbeats', `${(cpuMs / received * 1000).toFixed(0)} ms`);
  line('collector CPU while agents beat', `${(cpuMs / (window * 1000) * 100).toFixed(1)} % of a core`);
  line('heartbeats/s one core absorbs at that cost', `${(received / (cpuMs / 1000)).toFixed(0)}`, '100,000 agents / 30 s in half a core: ≥ 6,667');

  // The API while agents beat and report.
  const auth = await adminAuth(collector.url);
  const paths = { 'devices list': '/api/v1/devices?limit=50', overview: '/api/v1/devices/statistics', 'licence position': '/api/v1/licenses/position' };
  const timings: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  const load = fleet.reports('delta', 8, Math.min(REPORTS, AGENTS));
  const until = Date.now() + Math.min(WINDOW_S, 20) * 1000;
  while (Date.now() < until) {
    for (const [name, path] of Object.entries(paths)) {
      const s = performance.now();
      const response = await fetch(`${collector.url}${path}`, { headers: auth });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      timings[name]!.push(performance.now() - s);
    }
  }
  await load;
  for (const [name, ms] of Object.entries(timings)) line(`API p95 ${name}, agents beating and reporting`, `${percentile(ms, 95).toFixed(0)} ms (n=${ms.length})`, '≤ 100 ms');

  // A restart: the same collector address comes back; agents reconnect spread as the collector told them.
  const connectsBefore = (await fleet.tally()).connects;
  await collector.close();
  const down = Date.now();
  collector = await startCollectorOn(db, settings);
  const limit = Date.now() + (Math.ceil(AGENTS / 500) + 60) * 1000;
  let back = 0;
  while (Date.now() < limit) {
    back = (await fleet.tally()).connects - connectsBefore;
    if (back >= AGENTS) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  line('reconnection storm: agents back / seconds after restart', `${back} / ${seconds(down).toFixed(1)} s`);
  line('reconnection storm: agents lost', String(AGENTS - Math.min(back, AGENTS)), '0');
} finally {
  await fleet.stop();
  await collector.close().catch(() => undefined);
  await database.drop();
}
