import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, TEST_BACKEND } from '../../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../../support/processes.js';

/**
 * Strangers posting huge bodies to the agent channel: the collector runs as users run it, in a
 * process of its own, so its memory is measured alone (resident set size from /proc).
 */
const MB = 1024 * 1024;

function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Posts `body` without a valid token; resolves with the status, or the error when the socket was cut. */
function postStranger(url: string, body: Buffer): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/v1/agents/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: 'Bearer sta_forged-token' },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', (error) => resolve((error as NodeJS.ErrnoException).code ?? error.message));
    req.end(body);
  });
}

describe(`huge unauthenticated bodies on the agent channel (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-stall-'));
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
      STEWARD_ENROLL_SECRET: 'stall-test-secret',
      STEWARD_ADMIN_PASSWORD: 'stall-test-password',
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

  it('keeps health under a second and memory under 300 MB while four 30 MB bodies arrive at once', async () => {
    const pid = collector!.child.pid!;
    const body = Buffer.alloc(30 * MB, 0x20);
    const baseline = residentBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
    const attacks = Promise.all(Array.from({ length: 4 }, () => postStranger(url, body)));
    const healthTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const health = await fetch(`${url}/api/v1/health`);
      healthTimes.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    const outcomes = await attacks;
    clearInterval(sampler);
    peak = Math.max(peak, residentBytes(pid));
    // Refused on the token (401), or the socket closed before the whole body was taken.
    for (const outcome of outcomes) expect([401, 'ECONNRESET', 'EPIPE']).toContain(outcome);
    expect(outcomes).toContain(401);
    expect(Math.max(...healthTimes)).toBeLessThan(1_000);
    // The embedded database runs inside the collector's process and holds about 350 MB by itself
    // before any request; there, what the collector may add is the budget less its own ~150 MB.
    const ceiling = TEST_BACKEND === 'postgres' ? 300 * MB : baseline + 150 * MB;
    expect(peak).toBeLessThan(ceiling);
  }, 120_000);
});
