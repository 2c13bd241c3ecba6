import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framed, startBanner } from '../../collector/src/first-start-banner.js';
import { createPostgresDatabase, TEST_BACKEND } from '../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../support/processes.js';

describe('the start banner', () => {
  it('frames the first administrator\'s password and says where agents get their secret', () => {
    const banner = startBanner({ url: 'http://127.0.0.1:8080', databaseKind: 'embedded', initialAdminPassword: 'S3cret-pass', adminPasswordConfigured: false, logFile: '/data/collector.log' });
    const lines = banner.split('\n');
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
    expect(banner).toContain('password: S3cret-pass');
    expect(banner).toContain('Settings → Agents → Enrolment secrets');
    expect(banner).toContain('npx steward users reset-password <user>');
    expect(banner).toContain('/data/collector.log');
    expect(startBanner({ url: 'u', databaseKind: 'embedded', adminPasswordConfigured: true })).not.toMatch(/│\s+password:/);
    expect(framed(['é'])).toBe('┌───┐\n│ é │\n└───┘');
  });
});

/**
 * A first start as `npm start` makes it: the password is on the terminal in its frame, and the
 * request logs are in the log file in the data folder, not on the terminal below it.
 */
describe('a first start with the log in the data folder', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-first-start-'));
  const logFile = path.join(work, 'data', 'collector.log');
  let collector: Spawned | undefined;
  let url = '';
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const created = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
    dropDatabase = created?.drop;
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    collector = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port), STEWARD_DATA_DIR: path.join(work, 'data'), STEWARD_ENROLL_SECRET: 'first-start-secret',
      STEWARD_LOG_LEVEL: 'debug', STEWARD_LOG_FILE: logFile,
      ...(created ? { DATABASE_URL: created.url } : {}),
    });
    await waitForHealth(url, 240_000);
    await collector.waitFor('└', 30_000);
  }, 300_000);
  afterAll(async () => {
    collector?.child.kill('SIGTERM');
    await collector?.exited;
    await dropDatabase?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the password in the frame, and keeps request logs off the terminal', async () => {
    for (let i = 0; i < 5; i++) await fetch(`${url}/api/v1/health`);
    const terminal = collector!.output();
    const password = /│\s+password: (\S+)/.exec(terminal)?.[1];
    expect(password, terminal).toBeTruthy();
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status).toBe(200);
    expect(terminal).toContain('Settings → Agents → Enrolment secrets');
    expect(terminal).not.toContain('request completed');
    expect(terminal.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
    await expect.poll(() => readFileSync(logFile, 'utf8'), { timeout: 10_000 }).toContain('"msg":"request completed"');
    expect(readFileSync(logFile, 'utf8')).not.toContain(password!);
  });
});
