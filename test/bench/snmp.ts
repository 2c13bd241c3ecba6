/**
 * SNMP engine figures, against the recorded devices served by snmpsim on loopback:
 *  1. walk of the largest recording's probed subtrees by Steward vs snmpbulkwalk (same subtrees,
 *     same max-repetitions), as a ratio;
 *  2. interface polls per minute of the recorded devices, and the collector CPU each poll costs
 *     (so: polls per minute one core sustains when the agents are not the bottleneck).
 * Run: node --conditions=steward-source --import tsx test/bench/snmp.ts
 */
import { execFileSync } from 'node:child_process';
import { pollInterfaces } from '../../collector/src/snmp/poll/poll-interfaces.js';
import { probeDevice } from '../../collector/src/snmp/probe/probe-device.js';
import { PROBE_TABLES } from '../../collector/src/snmp/probe/table-plan.js';
import { SnmpClient } from '../../collector/src/snmp/session/snmp-client.js';
import { walkColumns } from '../../collector/src/snmp/walk/walk-columns.js';
import { loadExpected, RECORDINGS_DIR, recordingsPresent } from '../collector/snmp/support/recordings.js';
import { startSnmpsim } from '../collector/snmp/support/snmpsim-server.js';

const LARGEST = 'router-juniper-mx960-12-3r6-6';
const REPETITIONS = 25;
const POLL_SECONDS = 30;

async function main(): Promise<void> {
  if (!recordingsPresent) throw new Error(`no recordings at ${RECORDINGS_DIR}`);
  const server = await startSnmpsim(RECORDINGS_DIR, 'iot-geist-temperature-sensor');
  try {
    console.log(`snmpsim ready in ${server.startMs} ms (port ${server.port})`);
    await compareWalks(server.port);
    await measurePolling(server.port);
  } finally {
    await server.stop();
  }
}

async function compareWalks(port: number): Promise<void> {
  const roots = PROBE_TABLES.map((t) => t.entry);
  const client = new SnmpClient('127.0.0.1', port, { id: 'bench', version: '2c', community: LARGEST }, { timeoutMs: 5000, retries: 1 });
  const limits = { bulkVarbinds: REPETITIONS, maxRowsPerWalk: 1e6, walkTimeMs: 600_000 };
  const budget = { deadline: Date.now() + 600_000, bytesLeft: 1e9 };
  let rows = 0;
  let started = performance.now();
  for (const root of roots) rows += (await walkColumns(client, 'bench', [root], limits, budget)).rows;
  const steward = performance.now() - started;
  client.close();
  let lines = 0;
  started = performance.now();
  for (const root of roots) {
    const out = execFileSync('snmpbulkwalk', ['-v2c', '-c', LARGEST, `-Cr${REPETITIONS}`, '-On', `127.0.0.1:${port}`, root], { encoding: 'latin1', maxBuffer: 1 << 28 });
    lines += out.split('\n').filter((l) => l.startsWith('.')).length;
  }
  const netSnmp = performance.now() - started;
  started = performance.now();
  const probe = await probeDevice({ host: '127.0.0.1', port }, [{ id: 'bench', version: '2c', community: LARGEST }]);
  const probeMs = performance.now() - started;
  console.log(`walk of ${LARGEST}, ${roots.length} subtrees, max-repetitions ${REPETITIONS}:`);
  console.log(`  Steward      ${rows} varbinds in ${steward.toFixed(0)} ms`);
  console.log(`  snmpbulkwalk ${lines} varbinds in ${netSnmp.toFixed(0)} ms`);
  console.log(`  ratio Steward / snmpbulkwalk = ${(steward / netSnmp).toFixed(2)} (target <= 1.5)`);
  console.log(`  full probeDevice (columns only, tables scanned first): ${probeMs.toFixed(0)} ms, ${probe.walks.reduce((s, w) => s + w.rows, 0)} varbinds`);
}

async function measurePolling(port: number): Promise<void> {
  const devices = loadExpected().filter((d) => d.counts.ifTableRows > 0).map((d) => d.community);
  const deadline = Date.now() + POLL_SECONDS * 1000;
  let polls = 0;
  let failures = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (Date.now() < deadline) {
      const community = devices[next++ % devices.length]!;
      try {
        await pollInterfaces({ host: '127.0.0.1', port }, { id: 'bench', version: '2c', community }, { timeoutMs: 5000, retries: 1 });
        polls++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerPoll = (cpu.user + cpu.system) / 1000 / polls;
  console.log(`interface polling of ${devices.length} recorded devices for ${seconds.toFixed(0)} s (16 in flight):`);
  console.log(`  ${polls} polls, ${failures} failed: ${((polls / seconds) * 60).toFixed(0)} polls/min against one snmpsim process`);
  console.log(`  collector CPU ${cpuMsPerPoll.toFixed(2)} ms per poll: ${(60_000 / cpuMsPerPoll).toFixed(0)} polls/min on one core (target >= 2000)`);
}

await main();
