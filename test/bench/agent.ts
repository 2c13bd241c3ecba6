// The agent's cost: a full collection as a whole process beside fusioninventory-agent's, and the
// CPU of an unchanged cycle inside the running agent.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestCollector, TEST_ENROLL_SECRET } from '../support/collector.js';
import { REPO_ROOT } from '../support/processes.js';
import { inventoryReport } from '@steward/shared/protocol';
import { cell, compareFacts, fusionInventoryFacts, softwareDifference, stewardFacts, type FieldComparison } from './agent-fields.js';

const EXECUTABLE = path.join(REPO_ROOT, 'agent/dist-exe/steward-agent');
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export interface ProcessFigures {
  wallMs: number;
  /** User and system CPU of the process and every child it waited for. */
  cpuMs: number;
  /** VmHWM of the main process. */
  peakRssMb: number;
}

export interface InventoryFigures extends ProcessFigures {
  software: number;
  /** Hardware facts, counted alike on both sides (see countFusionInventory). */
  hardwareFields: number;
  /** fusioninventory's hardware values as it writes them, repetitions included. */
  hardwareFieldsAsWritten?: number;
  /** The inventory as written: the report's JSON or fusioninventory's XML. */
  output: string;
}

export interface AgentBenchFigures {
  steward?: InventoryFigures;
  stewardNode?: InventoryFigures;
  fusionInventory?: InventoryFigures;
  /** CPU of one unchanged cycle in the running agent (its process and children). */
  unchangedCycleCpuMs?: number;
  /** The same as the agent itself reports it (its own process only). */
  unchangedCycleSelfCpuMs?: number;
  /** Size of the report an unchanged cycle sends, as the agent logs it. */
  unchangedCycleBytes?: number;
  firstCycleSelfCpuMs?: number;
  /** Field by field, the last runs of both compared. */
  fields?: FieldComparison;
  notes: string[];
}

/** utime + stime + cutime + cstime of a process, in milliseconds. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ([11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * 1000) / TICKS_PER_SECOND;
}

function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The pid of a process's only child, once it has one. */
function childOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? Number(children.split(' ')[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to its end under a shell that prints its own /proc stat after waiting for it: the
 * shell's children times are the command's CPU, its own and its children's. Peak memory is the
 * command's VmHWM, read every few milliseconds while it runs (Node and Perl keep their heaps until
 * exit, so the last readings hold the peak).
 */
async function measure(command: string, args: string[], stdoutFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessFigures> {
  const started = performance.now();
  const shell = spawn('/bin/sh', ['-c', '"$@" > "$OUT"; cat /proc/$$/stat', 'sh', command, ...args], {
    env: { ...env, OUT: stdoutFile }, stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stat = '';
  shell.stdout.on('data', (chunk: Buffer) => (stat += chunk.toString()));
  let peak = 0;
  let child: number | undefined;
  const poll = setInterval(() => {
    child ??= childOf(shell.pid!);
    if (child) peak = Math.max(peak, peakRssKb(child));
  }, 3);
  await new Promise((resolve) => shell.on('exit', resolve));
  clearInterval(poll);
  const wallMs = performance.now() - started;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuMs = ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  return { wallMs, cpuMs, peakRssMb: peak / 1024 };
}

/** Non-empty leaf values of a JSON value. */
function leaves(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + leaves(item), 0);
  if (typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + leaves(item), 0);
  return 1;
}

/** fusioninventory's sections that describe hardware, and the hardware fields of its HARDWARE section (the rest of it is OS and network). */
const FI_HARDWARE_SECTIONS = new Set([
  'BIOS', 'CPUS', 'MEMORIES', 'STORAGES', 'NETWORKS', 'CONTROLLERS', 'VIDEOS', 'MONITORS', 'BATTERIES', 'SOUNDS',
  'INPUTS', 'PORTS', 'SLOTS', 'USBDEVICES', 'MODEMS',
]);
const FI_HARDWARE_FIELDS = new Set(['MEMORY', 'SWAP', 'UUID', 'CHASSIS_TYPE', 'VMSYSTEM']);

/**
 * Counts the non-empty leaf values of fusioninventory's hardware part, the way stewardHardwareFields
 * counts ours, so that one fact counts once on either side:
 * - it writes a network interface once per address, repeating the interface's other fields, so the
 *   records of one interface (one DESCRIPTION) count as one, each distinct field value once;
 * - virtual interfaces (VIRTUALDEV 1: loopback, ifb, bridges) are not hardware, on either side;
 * - a controller's CAPTION repeats its NAME, and then counts once.
 * `hardwareFieldsAsWritten` is the plain count of every value in those sections.
 */
export function countFusionInventory(xml: string): { software: number; hardwareFields: number; hardwareFieldsAsWritten: number } {
  let hardwareFields = 0;
  let hardwareFieldsAsWritten = 0;
  let software = 0;
  const interfaces = new Map<string, Set<string>>();
  for (const [, section, body] of xml.matchAll(/^ {4}<([A-Z_]+)>\n([\s\S]*?)\n {4}<\/\1>$/gm)) {
    if (section === 'SOFTWARES') software++;
    const fields = [...body!.matchAll(/<([A-Z_0-9]+)>([^<]*)<\/\1>/g)].map(([, tag, value]) => [tag!, value!.trim()] as const)
      .filter(([tag, value]) => value && (FI_HARDWARE_SECTIONS.has(section!) || (section === 'HARDWARE' && FI_HARDWARE_FIELDS.has(tag))));
    hardwareFieldsAsWritten += fields.length;
    const field = (name: string) => fields.find(([tag]) => tag === name)?.[1];
    if (section === 'NETWORKS') {
      if (field('VIRTUALDEV') === '1') continue;
      const facts = interfaces.get(field('DESCRIPTION') ?? '') ?? new Set<string>();
      for (const [tag, value] of fields) facts.add(`${tag}=${value}`);
      interfaces.set(field('DESCRIPTION') ?? '', facts);
    } else {
      hardwareFields += fields.filter(([tag, value]) => !(section === 'CONTROLLERS' && tag === 'CAPTION' && value === field('NAME'))).length;
    }
  }
  for (const facts of interfaces.values()) hardwareFields += facts.size;
  return { software, hardwareFields, hardwareFieldsAsWritten };
}

/** Non-empty leaf values of our hardware section, virtual network interfaces left out as on fusioninventory's side. */
export function stewardHardwareFields(hardware: { networkInterfaces?: Array<{ virtual?: boolean }> }): number {
  return leaves({ ...hardware, networkInterfaces: hardware.networkInterfaces?.filter((nic) => !nic.virtual) });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function medianFigures<T extends ProcessFigures>(runs: T[]): T {
  return { ...runs[0]!, wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), peakRssMb: median(runs.map((r) => r.peakRssMb)) };
}

/**
 * Leaves the executable's file out of the page cache, as it is on a machine where it was installed
 * rather than just written: otherwise every page of the 90 MB file the build wrote is still cached,
 * and mapping them counts in the process's RSS though it never touches most of them.
 */
function uncache(file: string): void {
  spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' });
}

async function stewardPrint(command: string, args: string[], work: string): Promise<InventoryFigures> {
  const out = path.join(work, 'steward.json');
  const figures = await measure(command, args, out, { ...process.env, STEWARD_AGENT_STATE_DIR: path.join(work, 'print-state') });
  const output = readFileSync(out, 'utf8');
  const report = JSON.parse(output) as { software: unknown[]; hardware: Parameters<typeof stewardHardwareFields>[0] };
  return { ...figures, software: report.software.length, hardwareFields: stewardHardwareFields(report.hardware), output };
}

async function fusionInventoryLocal(work: string): Promise<InventoryFigures> {
  const dir = mkdtempSync(path.join(work, 'fi-'));
  const figures = await measure('fusioninventory-agent', ['--local', dir], path.join(work, 'fi.out'));
  const file = readdirSync(dir).find((name) => name.endsWith('.ocs') || name.endsWith('.xml'));
  if (!file) throw new Error(`fusioninventory-agent wrote no inventory in ${dir}`);
  const output = readFileSync(path.join(dir, file), 'utf8');
  return { ...figures, ...countFusionInventory(output), output };
}

function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** CPU of unchanged cycles in a running agent (2 s interval) reporting to a real collector. */
async function unchangedCycles(command: string, args: string[], work: string, cycles = 10) {
  const c = await startTestCollector();
  const agent = spawn(command, args, {
    env: {
      ...process.env, STEWARD_SERVER: c.url, STEWARD_ENROLL_SECRET: TEST_ENROLL_SECRET, STEWARD_AGENT_STATE_DIR: path.join(work, 'daemon-state'),
      STEWARD_AGENT_INTERVAL: '2', STEWARD_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  agent.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const collected = () => [...log.matchAll(/"kind":"(\w+)","bytes":(\d+)[^\n]*"cpuMs":([\d.]+)[^\n]*"msg":"collected"/g)]
    .map((m) => ({ kind: m[1]!, bytes: Number(m[2]), cpuMs: Number(m[3]) }));
  const waitFor = async (n: number) => {
    const deadline = Date.now() + 120_000;
    while (collected().length < n) {
      if (Date.now() > deadline) throw new Error(`the agent did not collect ${n} times:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    await waitFor(3);
    const from = { cpu: processCpuMs(agent.pid!), count: collected().length };
    await waitFor(from.count + cycles);
    const to = { cpu: processCpuMs(agent.pid!), count: collected().length };
    const still = collected().slice(from.count, to.count).filter((c) => c.kind === 'still');
    return {
      perCycleMs: (to.cpu - from.cpu) / (to.count - from.count),
      selfMs: still.length ? median(still.map((c) => c.cpuMs)) : undefined,
      bytes: still.length ? median(still.map((c) => c.bytes)) : undefined,
      firstMs: collected()[0]?.cpuMs,
    };
  } finally {
    agent.kill('SIGTERM');
    await new Promise((resolve) => agent.once('exit', resolve));
    await c.stop();
  }
}

/**
 * Measures the agent against fusioninventory-agent (Debian package fusioninventory-agent) on this
 * machine: each full collection run `runs` times, interleaved, medians kept. The executable is
 * built first when it is missing (npm run build:agent-exe -w agent).
 */
export async function benchAgent(runs = 5): Promise<AgentBenchFigures> {
  const notes: string[] = [];
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-agent-bench-'));
  try {
    if (!existsSync(EXECUTABLE)) execFileSync('npm', ['run', 'build:agent-exe', '-w', 'agent'], { cwd: REPO_ROOT, stdio: 'ignore' });
    uncache(EXECUTABLE);
    const nodeBin = path.join(REPO_ROOT, 'agent/bin/steward-agent.js');
    const hasNodeBuild = existsSync(path.join(REPO_ROOT, 'agent/dist/cli.js'));
    if (!hasNodeBuild) notes.push('agent/dist not built (npm run build): the Node-run agent is not measured');
    const hasFi = onPath('fusioninventory-agent');
    if (!hasFi) notes.push('fusioninventory-agent not installed (apt-get install fusioninventory-agent): no comparison');
    else notes.push('hardware fields: non-empty leaf values of each side\'s hardware part, a fact once: fusioninventory\'s records of one interface merged, a CAPTION repeating NAME once, virtual interfaces on neither side (see countFusionInventory)');
    const steward: InventoryFigures[] = [];
    const stewardNode: InventoryFigures[] = [];
    const fi: InventoryFigures[] = [];
    for (let i = 0; i < runs; i++) {
      steward.push(await stewardPrint(EXECUTABLE, ['--print'], work));
      if (hasNodeBuild) stewardNode.push(await stewardPrint(process.execPath, [nodeBin, '--print'], work));
      if (hasFi) fi.push(await fusionInventoryLocal(work));
    }
    const cycle = await unchangedCycles(EXECUTABLE, [], work);
    const fields = fi.length ? compareInventories(fi.at(-1)!.output, steward.at(-1)!.output) : undefined;
    return {
      fields,
      steward: medianFigures(steward),
      stewardNode: stewardNode.length ? medianFigures(stewardNode) : undefined,
      fusionInventory: fi.length ? medianFigures(fi) : undefined,
      unchangedCycleCpuMs: cycle.perCycleMs,
      unchangedCycleSelfCpuMs: cycle.selfMs,
      unchangedCycleBytes: cycle.bytes,
      firstCycleSelfCpuMs: cycle.firstMs,
      notes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Whether wtmp holds any login at all, from last's own output: a machine no one logged on to has none. */
function wtmpRecordsLogin(): boolean {
  const last = spawnSync('last', ['-w', '-n', '50'], { encoding: 'utf8' });
  return (last.stdout ?? '').split('\n').some((line) => line.trim() !== '' && !line.startsWith('wtmp begins') && !/^(reboot|shutdown)\s/.test(line));
}

export function compareInventories(fusionInventoryXml: string, stewardJson: string): FieldComparison {
  const report = inventoryReport.parse(JSON.parse(stewardJson));
  return compareFacts(fusionInventoryFacts(fusionInventoryXml), stewardFacts(report), { recorded: wtmpRecordsLogin() });
}

/** The comparison's table: each field both collect, then the fields only one of them collects. */
export function printFieldComparison(c: FieldComparison, print: (text: string) => void = console.log): void {
  print(`${'field both collect'.padEnd(42)} ${'fusioninventory'.padEnd(28)} ${'steward'.padEnd(28)} verdict`);
  for (const row of c.rows) {
    print(`${row.field.padEnd(42)} ${cell(row.fusionInventory).padEnd(28)} ${cell(row.steward).padEnd(28)} ${row.verdict}${row.reason ? ` (${row.reason})` : ''}`);
    if (row.field.startsWith('software') && row.verdict === 'differ') {
      const diff = softwareDifference(row.fusionInventory, row.steward);
      print(`  only fusioninventory: ${diff.onlyFusionInventory.join('; ') || '-'}; only steward: ${diff.onlySteward.join('; ') || '-'}`);
    }
  }
  const count = (verdict: string) => c.rows.filter((r) => r.verdict === verdict).length;
  print(`fields both collect: ${c.rows.length}; agree ${count('agree')}, differ ${count('differ')}, fusioninventory's value wrong ${count('reference wrong')}`);
  print(`only fusioninventory (${c.onlyFusionInventory.length}): ${summarise(c.onlyFusionInventory)}`);
  print(`only steward (${c.onlySteward.length}): ${summarise(c.onlySteward)}`);
}

/** Field names grouped by their record kind ("user daemon id" under "user"), counted. */
function summarise(fields: string[]): string {
  const groups = new Map<string, number>();
  for (const field of fields) {
    const key = /^(user|group|pci|interface|filesystem|disk) /.test(field) ? `${field.split(' ')[0]} ... ${field.split(' ').slice(2).join(' ')}` : field;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => (n > 1 ? `${key} x${n}` : key)).join(', ') || '-';
}

/** Prints the figures beside their targets. */
export function printAgentBench(f: AgentBenchFigures, line: (name: string, value: string, target?: string) => void = (n, v, t) =>
  console.log(`${n.padEnd(58)} ${v.padStart(14)}${t ? `   (target ${t})` : ''}`)): void {
  const fi = f.fusionInventory;
  const ratio = (a: number, b?: number) => (b ? ` (${(a / b).toFixed(2)}x)` : '');
  for (const [name, figures] of [['executable', f.steward], ['node agent/bin', f.stewardNode], ['fusioninventory-agent', fi]] as const) {
    if (!figures) continue;
    const mine = name !== 'fusioninventory-agent';
    line(`full collection, ${name}: wall ms`, `${figures.wallMs.toFixed(0)}${mine ? ratio(figures.wallMs, fi?.wallMs) : ''}`, mine ? '<= 1.0x fusioninventory' : undefined);
    line(`full collection, ${name}: CPU ms`, `${figures.cpuMs.toFixed(0)}${mine ? ratio(figures.cpuMs, fi?.cpuMs) : ''}`, mine ? '<= 1.0x fusioninventory' : undefined);
    line(`full collection, ${name}: peak RSS MB`, figures.peakRssMb.toFixed(1), mine ? '<= 80' : undefined);
    line(`full collection, ${name}: software entries`, String(figures.software), mine && fi ? `>= ${fi.software}` : undefined);
    line(`full collection, ${name}: hardware fields`, String(figures.hardwareFields), mine && fi ? `>= ${fi.hardwareFields}` : undefined);
    if (figures.hardwareFieldsAsWritten !== undefined) line(`full collection, ${name}: hardware values as written`, String(figures.hardwareFieldsAsWritten));
  }
  if (f.unchangedCycleCpuMs !== undefined) {
    line('unchanged cycle in the running agent: CPU ms', `${f.unchangedCycleCpuMs.toFixed(1)}${ratio(f.unchangedCycleCpuMs, fi?.cpuMs)}`, '<= 0.1x fusioninventory full run');
  }
  if (f.unchangedCycleBytes !== undefined) line('unchanged cycle: report body bytes', String(f.unchangedCycleBytes), '<= 2048');
  if (f.unchangedCycleSelfCpuMs !== undefined) line('unchanged cycle, as the agent counts its own CPU: ms', f.unchangedCycleSelfCpuMs.toFixed(1));
  if (f.firstCycleSelfCpuMs !== undefined) line('first (full) cycle, as the agent counts its own CPU: ms', f.firstCycleSelfCpuMs.toFixed(1));
  if (f.fields) printFieldComparison(f.fields);
  for (const note of f.notes) console.log(`(${note})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  printAgentBench(await benchAgent(Number(process.argv[2] ?? 5)));
}

