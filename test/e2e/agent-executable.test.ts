import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { AGENT_VERSION } from '../../agent/src/version.js';
import { startTestCollector, TEST_ENROLL_SECRET, type TestCollector } from '../support/collector.js';
import { REPO_ROOT } from '../support/processes.js';

const run = promisify(execFile);
const EXECUTABLE = path.join(REPO_ROOT, 'agent/dist-exe', process.platform === 'win32' ? 'steward-agent.exe' : 'steward-agent');
const buildTools = ['esbuild', 'postject'].filter((pkg) => !existsSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json')));
if (buildTools.length) console.warn(`the agent executable is not built: ${buildTools.join(', ')} missing (npm install); its tests are skipped`);

function dpkgCount(): number | undefined {
  try {
    return execFileSync('dpkg-query', ['-W'], { encoding: 'utf8' }).trim().split('\n').length;
  } catch {
    return undefined;
  }
}

/** The agent as one file, built the way a release is (npm run build:agent-exe -w agent), run without Node or node_modules beside it. */
describe.skipIf(buildTools.length > 0)('the single-file agent executable', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-exe-'));
  let c: TestCollector | undefined;

  beforeAll(async () => {
    await run('npm', ['run', 'build:agent-exe', '-w', 'agent'], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  }, 600_000);
  afterAll(async () => {
    await c?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints its version', async () => {
    const { stdout } = await run(EXECUTABLE, ['--version'], { cwd: work });
    expect(stdout.trim()).toBe(AGENT_VERSION);
  });

  it('prints this machine\'s inventory as a valid full report', async () => {
    const { stdout } = await run(EXECUTABLE, ['--print'], { cwd: work, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, STEWARD_AGENT_STATE_DIR: work } });
    const report = inventoryReport.parse(JSON.parse(stdout));
    expect(report.os.platform).toBe(process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux');
    const dpkg = dpkgCount();
    if (dpkg !== undefined) expect(report.software.filter((s) => s.source === 'dpkg')).toHaveLength(dpkg);
    expect(report.hardware.cpu.threads).toBe(os.cpus().length);
  });

  it('runs as a service: enrols, reports, keeps its channel open, and logs to the file it is given', async () => {
    c = await startTestCollector();
    const logFile = path.join(work, 'logs', 'agent.log');
    const child = spawn(EXECUTABLE, [], {
      cwd: work,
      env: { ...process.env, STEWARD_SERVER: c.url, STEWARD_ENROLL_SECRET: TEST_ENROLL_SECRET, STEWARD_AGENT_STATE_DIR: path.join(work, 'state'), STEWARD_AGENT_LOG_FILE: logFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      const count = async (sql: string) => (await c!.database.db.query<{ n: number }>(sql)).rows[0]!.n;
      // The report is committed before the agent hears the answer and logs it: wait for all three.
      const logged = () => existsSync(logFile) && /"msg":"report delivered"/.test(readFileSync(logFile, 'utf8'));
      while ((await count('select count(*)::int as n from agents where online_since is not null')) === 0 || (await count('select count(*)::int as n from devices')) === 0 || !logged()) {
        if (Date.now() > deadline) throw new Error(`no report, heartbeat and log line from the executable; its output:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(readFileSync(logFile, 'utf8')).toMatch(/"msg":"report delivered"/);
      expect(output).toBe('');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
