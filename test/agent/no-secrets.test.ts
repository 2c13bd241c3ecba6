// The agent reports the machine, never the environment it was started with: secrets handed to it
// (or to the service manager that starts it) in environment variables appear nowhere.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared/protocol';
import { REPO_ROOT } from '../support/processes.js';

const run = promisify(execFile);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('environment variables', () => {
  const state = mkdtempSync(path.join(os.tmpdir(), 'steward-secrets-'));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it('appear nowhere in a full report, its log or the agent\'s state', async () => {
    const secrets = {
      AWS_SECRET_ACCESS_KEY: `wJalrXUtnFEMI/${randomBytes(12).toString('hex')}`,
      DB_PASSWORD: `pw-${randomBytes(12).toString('hex')}`,
      GITHUB_TOKEN: `ghp_${randomBytes(18).toString('hex')}`,
    };
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'agent/bin/steward-agent.js'), '--print'], {
      env: { ...process.env, ...secrets, STEWARD_AGENT_STATE_DIR: state }, maxBuffer: 256 * 1024 * 1024, timeout: 120_000,
    });
    const report = inventoryReport.parse(JSON.parse(stdout));
    // A full report: the test would prove nothing about an empty one.
    expect(report.software.length).toBeGreaterThan(0);
    expect(report.hardware.networkInterfaces.length).toBeGreaterThan(0);
    const written = [stdout, stderr, ...filesUnder(state).map((file) => readFileSync(file, 'latin1'))].join('\n');
    for (const [name, value] of Object.entries(secrets)) {
      expect(written.includes(value), name).toBe(false);
      expect(written.includes(name), name).toBe(false);
    }
  });
});
