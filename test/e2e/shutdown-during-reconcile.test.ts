import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileJob } from '@steward/shared';
import { openDatabase } from '../../collector/src/store/open.js';
import { TEST_BACKEND } from '../support/database.js';
import { createEstateStore, LONG_RUN_DEVICES as DEVICES } from '../support/estate-store.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../support/processes.js';

/**
 * SIGTERM while a full reconciliation runs: the collector stops in seconds, says so in its log,
 * and the run is neither recorded as complete nor left running. Sized so the run takes well over
 * ten seconds on either database (the embedded one is about five times slower).
 */
const PASSWORD = 'shutdown-test-password';

describe(`SIGTERM during a full reconciliation (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-sigterm-'));
  const dataDir = path.join(work, 'data');
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  let collector: Spawned | undefined;

  const openStore = () => openDatabase({ databaseUrl, dataDir });

  beforeAll(async () => {
    ({ databaseUrl, drop } = await createEstateStore(dataDir));
  }, 300_000);
  afterAll(async () => {
    collector?.child.kill('SIGKILL');
    await collector?.exited;
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('ends within seconds, logs that the run stopped, and records the run as cancelled, not complete', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    collector = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ENROLL_SECRET: 'shutdown-test-secret',
      STEWARD_ADMIN_PASSWORD: PASSWORD,
      STEWARD_LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    await waitForHealth(url, 240_000);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const started = await fetch(`${url}/api/v1/reconcile/run`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(started.status).toBe(202);
    const job = (await started.json()) as ReconcileJob;
    const poll = async () => (await (await fetch(`${url}${job.poll}`, { headers: auth })).json()) as ReconcileJob;
    while ((await poll()).state === 'queued') await new Promise((r) => setTimeout(r, 100));
    // Well into the run, past its first steps.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await poll()).state).toBe('running');

    const signalled = performance.now();
    collector.child.kill('SIGTERM');
    const code = await collector.exited;
    const seconds = (performance.now() - signalled) / 1000;
    console.log(`collector ended ${seconds.toFixed(1)} s after SIGTERM (${TEST_BACKEND}, ${DEVICES} devices)`);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(5);
    const output = collector.output();
    expect(output).toContain('collector stopping');
    expect(output).toContain('full reconciliation stopped for shutdown');
    expect(output).toContain('collector stopped');

    const db = await openStore();
    try {
      const { rows: jobs } = await db.query<{ state: string; error: string | null; finished: boolean }>(
        'select state, error, finished_at is not null as finished from jobs where id = $1', [job.id]);
      expect(jobs[0]).toMatchObject({ state: 'cancelled', finished: true });
      expect(jobs[0]!.error).toMatch(/not recorded as complete/);
      const { rows: recorded } = await db.query<{ n: number }>(
        "select count(*)::int as n from settings where key in ('reconcile.lastFullRun', 'reconcile.lastFullGeneration')");
      expect(recorded[0]!.n).toBe(0);
      const { rows: running } = await db.query<{ n: number }>("select count(*)::int as n from jobs where state in ('queued', 'running')");
      expect(running[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  }, 300_000);
});
