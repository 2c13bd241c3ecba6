// `npm run simulate -- --agents N [--server URL --secret S] [--processes P] [--seconds S]`
// Simulated agents speaking the real protocol against a collector: enrolment, one full report each,
// WebSocket heartbeats at the collector's interval, a round of deltas, then stop. Without --server it
// starts a collector of its own on an in-memory embedded database.
import { parseArgs } from 'node:util';
import os from 'node:os';
import { Fleet, percentile } from './fleet.js';
import { startCollectorOn, TEST_ENROLL_SECRET } from '../support/collector.js';
import { openDatabase } from '../../collector/src/store/open.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '100' },
    server: { type: 'string', default: process.env.STEWARD_SERVER },
    secret: { type: 'string', default: process.env.STEWARD_ENROLL_SECRET },
    processes: { type: 'string', default: String(Math.max(1, Math.min(4, os.availableParallelism()))) },
    seconds: { type: 'string', default: '60' },
    'allow-remote': { type: 'boolean', default: false },
  },
});

const own = values.server ? undefined : await startCollectorOn(await openDatabase({ dataDir: 'memory://' }), { heartbeatIntervalSeconds: 10 });
const server = values.server ?? own!.url;
const seconds = Number(values.seconds);
const fleet = await Fleet.start({
  server, enrollSecret: values.secret ?? TEST_ENROLL_SECRET, agents: Number(values.agents), processes: Number(values.processes),
  maxSeconds: seconds + 600, allowRemote: values['allow-remote'], prefix: `sim-${Date.now().toString(36)}`,
});
const log = (what: string, figures: Record<string, unknown>) => console.log(JSON.stringify({ at: new Date().toISOString(), what, ...figures }));
try {
  let started = Date.now();
  const enrolled = await fleet.enrol(16);
  log('enrolled', { agents: enrolled.enrolled, perSecond: +(enrolled.enrolled / ((Date.now() - started) / 1000)).toFixed(1) });
  started = Date.now();
  const reported = await fleet.reports('full', 8, fleet.size);
  log('full reports', { reports: reported.fullReports, refused: reported.refused, perSecond: +(reported.fullReports / ((Date.now() - started) / 1000)).toFixed(1) });
  started = Date.now();
  await fleet.connect();
  log('connected', { agents: fleet.size, seconds: (Date.now() - started) / 1000 });
  const end = Date.now() + seconds * 1000;
  let deltasSent = false;
  while (Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, end - Date.now())));
    if (!deltasSent && Date.now() > end - (seconds * 1000) / 2) {
      deltasSent = true;
      const t = Date.now();
      const d = await fleet.reports('delta', 8, fleet.size);
      log('deltas of 20 packages', { deltas: d.deltas, perSecond: +(fleet.size / ((Date.now() - t) / 1000)).toFixed(1) });
    }
    const t = await fleet.tally();
    log('heartbeats', { acked: t.heartbeatsAcked, ackP95Ms: percentile(t.ackMs, 95), connected: (t as { connected?: number }).connected });
  }
} finally {
  await fleet.stop();
  await own?.close();
}
