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
 * SIGKILL while a collector runs a job asked for over the API: the job is held
 * under a lease the dead process no longer renews, and another collector (on PostgreSQL, one
 * already running beside it; on the embedded database, the collector started again) takes it back
 * and runs it to the end (a full reconciliation). Killed a second time, the job (a big label sheet)
 * is failed with the reason rather than run a third time. No job is left running. The estate is
 * sized like the SIGTERM test's, so a run lasts well over the time it takes to kill it mid-way.
 */
const PASSWORD = 'lease-test-password';
const LEASE_SECONDS = 3;
const SETTLED = ['done', 'failed', 'cancelled'];
/** A sheet big enough to be a job and to take seconds to draw on every attempt. */
const LABELS = 1000;
/** What the polls of either kind of job have in common. */
type Job = Pick<ReconcileJob, 'id' | 'state' | 'attempts' | 'error' | 'poll'> & { result: unknown };

describe(`SIGKILL during a job (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-lease-'));
  const dataDir = path.join(work, 'data');
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const started: Spawned[] = [];

  const openStore = () => openDatabase({ databaseUrl, dataDir });

  async function startOne(): Promise<{ p: Spawned; url: string; auth: Record<string, string> }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const p = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ENROLL_SECRET: 'lease-test-secret',
      STEWARD_ADMIN_PASSWORD: PASSWORD,
      STEWARD_LOG_LEVEL: 'info',
      STEWARD_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    started.push(p);
    await waitForHealth(url, 240_000);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    return { p, url, auth: { authorization: `Bearer ${((await login.json()) as { token: string }).token}` } };
  }

  async function poll<J extends Job>(at: { url: string; auth: Record<string, string> }, job: J): Promise<J> {
    return (await (await fetch(`${at.url}${job.poll}`, { headers: at.auth })).json()) as J;
  }

  async function until<J extends Job>(at: { url: string; auth: Record<string, string> }, job: J, what: string, test: (j: J) => boolean, timeoutMs = 240_000): Promise<J> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await poll(at, job);
      if (test(now)) return now;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the job to be ${what}; it is ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function kill(p: Spawned): Promise<void> {
    p.child.kill('SIGKILL');
    await p.exited;
  }

  type Collector = Awaited<ReturnType<typeof startOne>>;

  /** On PostgreSQL a second collector runs beside the one that takes the job; on the embedded database one runs at a time. */
  async function standby(): Promise<Collector[]> {
    return TEST_BACKEND === 'postgres' ? [await startOne()] : [];
  }

  /** The collector holding the job: read from the job's row when several run (whichever took it). */
  async function holderOf(jobId: string, alive: Collector[]): Promise<Collector> {
    if (alive.length === 1) return alive[0]!;
    const db = await openStore();
    try {
      const { rows } = await db.query<{ claimed_by: string }>('select claimed_by from jobs where id = $1', [jobId]);
      const pid = Number(rows[0]!.claimed_by.split('/')[1]);
      const holder = alive.find((c) => c.p.child.pid === pid);
      if (!holder) throw new Error(`job ${jobId} is held by ${rows[0]!.claimed_by}, none of the collectors started here`);
      return holder;
    } finally {
      await db.close();
    }
  }

  /** Kills the job's holder; the collector beside it carries on, or, when none is, one started again. */
  async function killHolder(jobId: string, alive: Collector[]): Promise<{ victimPid: number; next: Collector }> {
    const victim = await holderOf(jobId, alive);
    await kill(victim.p);
    const rest = alive.filter((c) => c !== victim);
    return { victimPid: victim.p.child.pid!, next: rest[0] ?? await startOne() };
  }

  beforeAll(async () => {
    ({ databaseUrl, drop } = await createEstateStore(dataDir));
  }, 300_000);
  afterAll(async () => {
    for (const p of started) p.child.kill('SIGKILL');
    await Promise.all(started.map((p) => p.exited));
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('has the job taken back and run to the end once, failed with the reason the second time, and none left running', async () => {
    // The first job: its collector is killed mid-run, and the job runs again elsewhere.
    const first = await startOne();
    const beside = await standby();
    const asked = await fetch(`${first.url}/api/v1/reconcile/run`, { method: 'POST', headers: { ...first.auth, 'content-type': 'application/json' }, body: '{}' });
    expect(asked.status).toBe(202);
    const job = (await asked.json()) as ReconcileJob;
    await until(first, job, 'running', (j) => j.state === 'running');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await poll(first, job)).toMatchObject({ state: 'running', attempts: 1 });
    const { victimPid: firstPid, next: second } = await killHolder(job.id, [first, ...beside]);

    const rerun = await until(second, job, 'running again', (j) => j.attempts === 2);
    expect(rerun.error).toContain(`/${firstPid}/`);
    expect(rerun.error).toMatch(/stopped renewing its lease; queued again/);
    const done = await until(second, job, 'settled', (j) => SETTLED.includes(j.state));
    expect(done).toMatchObject({ state: 'done', attempts: 2, error: null });
    expect(done.result!.devices).toBe(DEVICES);
    expect(second.p.output()).toContain('job taken back from a collector that stopped renewing its lease; queued again');

    // The second job, a big label sheet: killed under two collectors in turn, it is failed, not
    // tried a third time. Drawing labels takes the same time on every attempt.
    const csv = ['Name,Category', ...Array.from({ length: LABELS }, (_, i) => `Lease label ${i},hardware.peripherals`)].join('\n');
    const imported = (await (await fetch(`${second.url}/api/v1/register/import`, { method: 'POST', headers: { ...second.auth, 'content-type': 'text/csv' }, body: csv })).json()) as { importId: string };
    expect((await fetch(`${second.url}/api/v1/register/import/${imported.importId}/commit`, { method: 'POST', headers: { ...second.auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    const listed = (await (await fetch(`${second.url}/api/v1/register/assets?search=Lease%20label&limit=${LABELS}`, { headers: second.auth })).json()) as { items: Array<{ id: string }> };
    expect(listed.items).toHaveLength(LABELS);
    const beside2 = await standby();
    const asked2 = await fetch(`${second.url}/api/v1/register/labels`, {
      method: 'POST', headers: { ...second.auth, 'content-type': 'application/json' }, body: JSON.stringify({ assetIds: listed.items.map((a) => a.id) }),
    });
    expect(asked2.status).toBe(202);
    const job2 = (await asked2.json()) as Job;
    await until(second, job2, 'running', (j) => j.state === 'running');
    const { next: third } = await killHolder(job2.id, [second, ...beside2]);
    await until(third, job2, 'running again', (j) => j.state === 'running' && j.attempts === 2);
    const { victimPid: thirdPid, next: fourth } = await killHolder(job2.id, [third]);
    const failed = await until(fourth, job2, 'settled', (j) => SETTLED.includes(j.state));
    expect(failed).toMatchObject({ state: 'failed', attempts: 2, result: null });
    expect(failed.error).toContain(`/${thirdPid}/`);
    expect(failed.error).toMatch(/attempt 2 of 2; not run again/);
    expect(fourth.p.output()).toContain('marked failed');
    const download = await fetch(`${fourth.url}/api/v1/register/labels/jobs/${job2.id}/pdf`, { headers: fourth.auth });
    expect(download.status).toBe(409);
    expect(((await download.json()) as { message: string }).message).toContain('not run again');

    // The collector left standing still takes work: a new run goes through to the end.
    const asked3 = await fetch(`${fourth.url}/api/v1/reconcile/run`, { method: 'POST', headers: { ...fourth.auth, 'content-type': 'application/json' }, body: '{}' });
    const job3 = (await asked3.json()) as ReconcileJob;
    expect(await until(fourth, job3, 'settled', (j) => SETTLED.includes(j.state))).toMatchObject({ state: 'done', attempts: 1 });

    await kill(fourth.p);
    const db = await openStore();
    try {
      const { rows } = await db.query<{ kind: string; state: string; n: number }>('select kind, state, count(*)::int as n from jobs group by kind, state order by kind, state');
      expect(rows).toEqual([{ kind: 'reconcile.full', state: 'done', n: 2 }, { kind: 'register.labels', state: 'failed', n: 1 }]);
    } finally {
      await db.close();
    }
  }, 900_000);
});
