// `npm run bench`: every benchmark in one run, printing figures beside their targets.
// `npm run bench -- ingest snmp` runs only the named suites. PostgreSQL figures need TEST_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const backends: Array<'embedded' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

function line(name: string, value: string, target?: string) {
  console.log(`${name.padEnd(58)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}`);
}

/** A bench that prints its own figures when run as a script. */
function script(file: string, args: string[] = [], nodeFlags: string[] = []) {
  return async () => {
    const result = spawnSync(process.execPath, [...nodeFlags, '--conditions=steward-source', '--import', 'tsx', path.join(here, file), ...args], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${file} exited with ${result.status}`);
  };
}

const suites: Record<string, () => Promise<void>> = {
  async ingest() {
    const { benchIngest, INGEST_TARGETS } = await import('./ingest.js');
    console.log('\n== Agent report ingest (1,000 software entries per report; CPU per report: this process / PostgreSQL server)');
    for (const backend of backends) {
      for (const f of await benchIngest(backend)) {
        const cpu = `${f.processCpuMs.toFixed(1)}${f.serverCpuMs === undefined ? '' : ` / ${f.serverCpuMs.toFixed(1)}`} ms`;
        line(`${backend}, ${f.kind}, concurrency ${f.concurrency}`, `${f.perSecond.toFixed(1)}/s, ${f.statementsPerReport.toFixed(0)} stmts, ${cpu}`, INGEST_TARGETS[f.kind]);
      }
    }
  },
  async agent() {
    const { benchAgent, printAgentBench } = await import('./agent.js');
    console.log('\n== Agent');
    printAgentBench(await benchAgent(), line);
  },
  snmp: script('snmp.ts'),
  'snmp-identify': script('snmp-identify.ts'),
  async register() {
    const { benchRegister } = await import('./register.js');
    console.log('\n== Asset register (100,000 assets)');
    for (const backend of backends) {
      const f = await benchRegister(backend);
      line(`${backend}: full-text search p50 / p95`, `${f.searchP50Ms.toFixed(1)} / ${f.searchP95Ms.toFixed(1)} ms`, 'p95 ≤ 50 ms');
      line(`${backend}: filtered, sorted page p50 / p95`, `${f.filteredPageP50Ms.toFixed(1)} / ${f.filteredPageP95Ms.toFixed(1)} ms`, 'p95 ≤ 50 ms');
      line(`${backend}: asset list page p50 / p95`, `${f.listPage.p50.toFixed(1)} / ${f.listPage.p95.toFixed(1)} ms`, 'p95 ≤ 50 ms');
      for (const [by, p] of Object.entries(f.searchBy)) {
        line(`${backend}: search by ${by} p50 / p95`, `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} ms`, 'p95 ≤ 50 ms');
      }
      line(`${backend}: bulk status change of 1,000 assets`, `${f.bulkStatusMs.toFixed(0)} ms`, '≤ 2,000 ms');
      line(`${backend}: bulk field change of 1,000 assets`, `${f.bulkFieldMs.toFixed(0)} ms`, '≤ 2,000 ms');
      line(`${backend}: CSV import`, `${f.importRowsPerSecond.toFixed(0)} rows/s`, '≥ 5,000 rows/s');
      // In this process's CPU time: all of the work on the embedded back end, the client's share on PostgreSQL.
      line(`${backend}, CPU time: search / page p95, import`, `${f.cpu.searchP95Ms.toFixed(1)} / ${f.cpu.filteredPageP95Ms.toFixed(1)} ms, ${f.cpu.importRowsPerSecond.toFixed(0)} rows/s`);
      const by = f.cpu.searchByP95Ms;
      line(`${backend}, CPU time: list p95; search by tag / serial / name p95`, `${f.cpu.listPageP95Ms.toFixed(1)}; ${by.tag.toFixed(1)} / ${by.serial.toFixed(1)} / ${by.name.toFixed(1)} ms`);
      line(`${backend}, CPU time: bulk status / field change of 1,000`, `${f.cpu.bulkStatusMs.toFixed(0)} / ${f.cpu.bulkFieldMs.toFixed(0)} ms`);
    }
  },
  async network() {
    const { benchNetwork } = await import('./network.js');
    console.log('\n== Network discovery store');
    for (const backend of backends) console.log(backend, JSON.stringify(await benchNetwork(backend)));
  },
  reconcile: script('reconcile.ts'),
  identity: script('identity.ts'),
  search: script('search.ts', process.argv.slice(2).filter((a) => a.startsWith('--') || /^\d+$/.test(a))),
  // Flags after the suite names (--agents 10000 --seconds 120 …) scale the fleet up.
  fleet: script('fleet.ts', process.argv.slice(2).filter((a) => a.startsWith('--') || /^\d+$/.test(a)), ['--expose-gc']),
  discovery: script('discovery.ts'),
  async fuzz() {
    const { benchFuzz } = await import('./fuzz.js');
    const runs = Number(process.env.FUZZ_RUNS ?? 50_000);
    console.log(`\n== Fuzzing: ${runs} agent reports and ${runs} API bodies per back end (FUZZ_SEED replays a run)`);
    for (const backend of backends) {
      const f = await benchFuzz(backend, runs);
      line(`${backend}: agent reports by status`, JSON.stringify(f.reports.statuses));
      line(`${backend}: API bodies by status`, JSON.stringify(f.bodies.statuses));
      line(`${backend}: time`, `${f.seconds.toFixed(0)} s`, 'no 5xx');
    }
  },
  async stall() {
    const { benchStall } = await import('./stall.js');
    console.log('\n== A 100,000-entry inventory report while health is polled');
    for (const backend of backends) {
      const f = await benchStall(backend);
      line(`${backend}: report stored, first / every entry changed`, `${(f.firstReportMs / 1000).toFixed(1)} / ${(f.changedReportMs / 1000).toFixed(1)} s`);
      line(`${backend}: slowest health meanwhile, first / changed`, `${f.healthWorstFirstMs.toFixed(0)} / ${f.healthWorstChangedMs.toFixed(0)} ms`, '≤ 1,000 ms');
    }
  },
  async dashboard() {
    const { benchDashboard, printDashboardFigures } = await import('./dashboard.js');
    printDashboardFigures(await benchDashboard());
  },
};

const only = process.argv.slice(2).filter((a) => a in suites);
const failed: string[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  if (!existsSync(path.join(here, `${name}.ts`))) {
    console.log(`\n(${name}: no benchmark here)`);
    continue;
  }
  try {
    await run();
  } catch (error) {
    failed.push(name);
    console.log(`\n${name}: could not run: ${(error as Error).message}`);
  }
}
if (failed.length) process.exitCode = 1;
