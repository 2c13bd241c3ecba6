/**
 * SNMP engine figures, against the recorded devices served by snmpsim on loopback:
 *  1. walk of the largest recording's probed subtrees by Steward vs snmpbulkwalk (same subtrees,
 *     same max-repetitions), as a ratio;
 *  2. devices polled per minute by one collector process pinned to one core (the poller's own
 *     per-device poll), with the recordings served by several snmpsim processes: the wall figure,
 *     and the figure per CPU-minute of the collector (what one core sustains when the simulated
 *     agents, single-threaded Python sharing the same cores, are not the bottleneck);
 *  3. identification offline over 1,207 further recordings: the share of each field agreeing with
 *     the reference, and the CPU time identification takes per device (walks aside).
 * Run: node --conditions=steward-source --import tsx test/bench/snmp.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { probeDevice } from '../../collector/src/snmp/probe/probe-device.js';
import { PROBE_TABLES } from '../../collector/src/snmp/probe/table-plan.js';
import { SnmpClient } from '../../collector/src/snmp/session/snmp-client.js';
import { walkColumns } from '../../collector/src/snmp/walk/walk-columns.js';
import { loadExpected, RECORDINGS_DIR, recordingsPresent } from '../collector/snmp/support/recordings.js';
import { startSnmpsim, type SnmpsimServer } from '../collector/snmp/support/snmpsim-server.js';
import { toolAvailable } from '../collector/snmp/support/required-tool.js';
import { measureIdentification } from './snmp-identify.js';

const LARGEST = 'router-juniper-mx960-12-3r6-6';
const REPETITIONS = 25;
const POLL_SECONDS = 30;
/** snmpsim answers from one Python thread: several processes serve the same recordings. */
const SNMPSIM_PROCESSES = Number(process.env.STEWARD_BENCH_SNMPSIM_PROCESSES ?? 6);
const IN_FLIGHT = 64;

async function main(): Promise<void> {
  await measureIdentification();
  if (!recordingsPresent) throw new Error(`no recordings at ${RECORDINGS_DIR}`);
  const first = await startSnmpsim(RECORDINGS_DIR, 'iot-geist-temperature-sensor');
  const servers: SnmpsimServer[] = [first];
  try {
    console.log(`snmpsim ready in ${first.startMs} ms (port ${first.port})`);
    await compareWalks(first.port);
    // The others reuse the first one's index of the recordings.
    for (let i = 1; i < SNMPSIM_PROCESSES; i++) servers.unshift(await startSnmpsim(RECORDINGS_DIR, 'iot-geist-temperature-sensor', first.cacheDir));
    await measurePolling(servers);
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function compareWalks(port: number): Promise<void> {
  const subtrees = PROBE_TABLES.map((t) => t.entry);
  for (const [label, roots] of [[`${subtrees.length} probed subtrees`, subtrees], ['whole device (1.3.6.1)', ['1.3.6.1']]] as const) {
    // Each walker twice, in turn, best time kept: the first walk also warms snmpsim's page cache.
    const steward = [await walkBySteward(port, roots)];
    const netSnmp = [walkBySnmpbulkwalk(port, roots)];
    steward.push(await walkBySteward(port, roots));
    netSnmp.push(walkBySnmpbulkwalk(port, roots));
    const best = (runs: WalkFigures[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    printWalks(label, best(steward), best(netSnmp));
  }
  const started = performance.now();
  const probe = await probeDevice({ host: '127.0.0.1', port }, [{ id: 'bench', version: '2c', community: LARGEST }]);
  console.log(`  full probeDevice (columns only, tables scanned first): ${(performance.now() - started).toFixed(0)} ms, ${probe.walks.reduce((s, w) => s + w.rows, 0)} varbinds`);
}

interface WalkFigures { varbinds: number; ms: number; cpuMs: number }

function printWalks(label: string, steward: WalkFigures, netSnmp: WalkFigures): void {
  console.log(`walk of ${LARGEST}, ${label}, max-repetitions ${REPETITIONS}, best of 2:`);
  console.log(`  Steward      ${steward.varbinds} varbinds in ${steward.ms.toFixed(0)} ms (its CPU ${steward.cpuMs.toFixed(0)} ms)`);
  console.log(`  snmpbulkwalk ${netSnmp.varbinds} varbinds in ${netSnmp.ms.toFixed(0)} ms (its CPU ${netSnmp.cpuMs.toFixed(0)} ms)`);
  console.log(`  ratio Steward / snmpbulkwalk = ${(steward.ms / netSnmp.ms).toFixed(2)} (target <= 1.5)`);
}

async function walkBySteward(port: number, roots: readonly string[]): Promise<WalkFigures> {
  const client = new SnmpClient('127.0.0.1', port, { id: 'bench', version: '2c', community: LARGEST }, { timeoutMs: 5000, retries: 1 });
  const limits = { bulkVarbinds: REPETITIONS, maxRowsPerWalk: 1e6, walkTimeMs: 600_000 };
  const budget = { deadline: Date.now() + 600_000, bytesLeft: 1e9 };
  let varbinds = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    for (const root of roots) {
      const outcome = await walkColumns(client, 'bench', [root], limits, budget);
      if (!outcome.complete) throw new Error(outcome.problem?.message ?? `walk of ${root} incomplete`);
      varbinds += outcome.rows;
    }
  } finally {
    client.close();
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { varbinds, ms, cpuMs: (used.user + used.system) / 1000 };
}

function walkBySnmpbulkwalk(port: number, roots: readonly string[]): WalkFigures {
  let varbinds = 0;
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  for (const root of roots) {
    const out = execFileSync('snmpbulkwalk', ['-v2c', '-c', LARGEST, `-Cr${REPETITIONS}`, '-On', `127.0.0.1:${port}`, root], { encoding: 'latin1', maxBuffer: 1 << 28 });
    // An empty subtree prints one "No Such Object" line for its root, the end of the MIB one per repetition asked.
    varbinds += out.split('\n').filter((l) => l.startsWith('.') && !/= No (?:Such|more variables)/.test(l)).length;
  }
  return { varbinds, ms: performance.now() - started, cpuMs: (childrenCpuSeconds() - cpuBefore) * 1000 };
}

/** CPU seconds used by this process's finished children (Linux /proc: cutime and cstime). */
function childrenCpuSeconds(): number {
  return cpuSecondsOf(process.pid, 13);
}

interface PollFigures { polls: number; failures: number; interfaces: number; wallSeconds: number; cpuSeconds: number }

async function measurePolling(servers: SnmpsimServer[]): Promise<void> {
  const ports = servers.map((s) => s.port);
  const communities = loadExpected().filter((d) => d.counts.ifTableRows > 0).map((d) => d.community);
  const pinned = toolAvailable('taskset', 'util-linux');
  const worker = fileURLToPath(new URL('./snmp-poll-worker.ts', import.meta.url));
  const node = [process.execPath, '--conditions=steward-source', '--import', 'tsx', worker,
    '--ports', ports.join(','), '--communities', communities.join(','), '--seconds', String(POLL_SECONDS), '--in-flight', String(IN_FLIGHT)];
  const agentCpuBefore = servers.map((s) => cpuSecondsOf(s.pid));
  const f = await runWorker(pinned ? ['taskset', '-c', '0', ...node] : node);
  const agentCpu = servers.reduce((sum, s, i) => sum + cpuSecondsOf(s.pid) - agentCpuBefore[i]!, 0);
  const perMinute = (n: number) => ((n / f.wallSeconds) * 60).toFixed(0);
  const perCoreMinute = ((f.polls / f.cpuSeconds) * 60).toFixed(0);
  console.log(`device polls (the poller's pollDevice: reachability GET, interface status and counters, rates) of ${communities.length} recordings x ${ports.length} snmpsim processes = ${communities.length * ports.length} devices, ${IN_FLIGHT} in flight, ${f.wallSeconds.toFixed(0)} s, collector ${pinned ? 'pinned to core 0 (taskset)' : 'NOT pinned (no taskset)'}, ${availableParallelism()} cores shared with the snmpsim processes:`);
  console.log(`  ${f.polls} polls (${f.interfaces} interface rows), ${f.failures} failed`);
  console.log(`  wall:     ${perMinute(f.polls)} devices/min (bound by snmpsim on this machine; collector busy ${((f.cpuSeconds / f.wallSeconds) * 100).toFixed(0)}% of its core)`);
  console.log(`  snmpsim:  ${agentCpu.toFixed(1)} CPU-s over its ${ports.length} processes (${((agentCpu * 1000) / f.polls).toFixed(1)} ms per poll) against the collector's ${f.cpuSeconds.toFixed(1)} CPU-s`);
  console.log(`  per core: ${perCoreMinute} devices/min per CPU-minute of the collector, ${((f.cpuSeconds * 1000) / f.polls).toFixed(2)} ms CPU per poll (target >= 2000)`);
}

/**
 * User + system CPU seconds a process has used so far (Linux /proc), 0 when unknown: its own
 * (utime and stime, fields 14 and 15 of stat), or its finished children's (fields 16 and 17).
 */
function cpuSecondsOf(pid: number | undefined, field = 11): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // Clock ticks of 1/100 s on Linux; fields counted from the state, the third.
    return (Number(fields[field]) + Number(fields[field + 1])) / 100;
  } catch {
    return 0;
  }
}

function runWorker(command: string[]): Promise<PollFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`poll worker exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as PollFigures);
    });
  });
}

await main();
