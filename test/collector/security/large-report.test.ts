import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, TEST_BACKEND } from '../../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../../support/processes.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

/**
 * A genuine report of 100,000 software entries, stored while health is asked for every 50 ms:
 * storing it must not hold other requests for more than a second. The collector runs in a
 * process of its own, as users run it, so only its own work delays its answers.
 *
 * The report is checked, digested and written a slice at a time, with the event loop let in
 * between. The embedded database runs on a thread of its own and answers health between the
 * slices' statements, so it holds too. A request that reads the database (the device list) is
 * timed as well: on PostgreSQL it must answer within a second too; the embedded database has one
 * session, so there it waits for the report's transaction, and the test only reports how long.
 */
const SECRET = 'large-report-secret';

describe(`a 100,000-entry report beside health (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-large-report-'));
  let collector: Spawned | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let url = '';

  beforeAll(async () => {
    const created = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
    dropDatabase = created?.drop;
    const port = await freePort();
    collector = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: path.join(work, 'data'),
      STEWARD_ENROLL_SECRET: SECRET,
      STEWARD_ADMIN_PASSWORD: 'large-report-password',
      STEWARD_LOG_LEVEL: 'warn',
      ...(created ? { DATABASE_URL: created.url } : {}),
    });
    url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, 240_000);
  }, 300_000);
  afterAll(async () => {
    collector?.child.kill('SIGKILL');
    await collector?.exited;
    await dropDatabase?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('stores the report while health keeps answering within a second', async () => {
    const enrolled = await fetch(`${url}/api/v1/agents/enroll`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, secret: SECRET, hostname: 'big-host', agentVersion: '0.1.0', platform: 'linux' }),
    });
    expect(enrolled.status).toBe(200);
    const agent = (await enrolled.json()) as { agentId: string; token: string };
    const body = gzipSync(JSON.stringify(makeReport(agent.agentId, { software: syntheticSoftware(100_000) })));

    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'large-report-password' }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    let storing = true;
    const started = performance.now();
    const report = fetch(`${url}/api/v1/agents/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${agent.token}` },
      body,
    }).then(async (response) => ({ status: response.status, text: await response.text(), seconds: (performance.now() - started) / 1000 }),
      (error: Error) => ({ status: 0, text: `${error.message} ${String((error.cause as Error)?.message)}; collector said: ${collector!.output().slice(-1500)}`, seconds: 0 }))
      .finally(() => {
        storing = false;
      });
    const healthTimes: number[] = [];
    const listTimes: number[] = [];
    const timeDeviceLists = (async () => {
      while (storing) {
        const asked = performance.now();
        const list = await fetch(`${url}/api/v1/devices?limit=25`, { headers: auth });
        listTimes.push(performance.now() - asked);
        expect(list.status).toBe(200);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    while (storing) {
      const asked = performance.now();
      const health = await fetch(`${url}/api/v1/health`);
      healthTimes.push(performance.now() - asked);
      expect(health.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    await timeDeviceLists;
    const answer = await report;
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    const slowest = Math.max(...healthTimes);
    const slowestList = Math.max(...listTimes);
    console.log(`100,000-entry report stored in ${answer.seconds.toFixed(1)} s; ${healthTimes.length} health checks meanwhile, slowest ${slowest.toFixed(0)} ms; ${listTimes.length} device lists, slowest ${slowestList.toFixed(0)} ms (${TEST_BACKEND})`);
    expect(healthTimes.length).toBeGreaterThan(1);
    expect(slowest).toBeLessThan(1_000);
    if (TEST_BACKEND === 'postgres') expect(slowestList).toBeLessThan(1_000);
  }, 300_000);
});
