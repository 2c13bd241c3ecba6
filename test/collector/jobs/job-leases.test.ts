import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileJob } from '@steward/shared';
import { FULL_RECONCILIATION_JOB } from '../../../collector/src/reconcile/run/reconcile-jobs.js';
import { JOB_ATTEMPTS } from '../../../collector/src/services/jobs/job-leases.js';
import { claimJob, createJob, finishJob, readJob, reclaimLapsedJobs, renewJobLeases, thisProcess, type JobHolder } from '../../../collector/src/store/jobs.js';
import { migrate } from '../../../collector/src/store/migrate.js';
import type { Database } from '../../../collector/src/store/database.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

/*
 * A job is held by the collector running it for as long as that collector renews its lease. These
 * cases stand a collector that died for a holder that never renews: its job is taken back by the
 * living, queued again once and failed with the reason the second time. The crash itself, with
 * real processes killed mid-run, is in test/e2e/job-lease-crash.test.ts.
 */

const LEASE_SECONDS = 2;
/** Each case its own kind of job, so one case's leftovers are never another's to claim. */
const kindOf = () => `test.lease.${randomUUID().slice(0, 8)}`;

function deadHolder(): JobHolder {
  return { id: `gone-host/${Math.floor(Math.random() * 1e6)}/dead`, leaseSeconds: 1 };
}

async function lapse(db: Database, id: string): Promise<void> {
  await db.query("update jobs set lease_expires_at = now() - interval '1 second' where id = $1", [id]);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(CONTRACT_BACKENDS)('job leases in the store on %s', (backend) => {
  // A bare database: no collector's scheduler takes back jobs behind the explicit calls.
  let t: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    db = t.db;
    await migrate(db);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('claims a job under the holder\'s lease and renews only the holder\'s own', async () => {
    const KIND = kindOf();
    const mine = randomUUID();
    const theirs = randomUUID();
    const living: JobHolder = { id: 'living/1/a', leaseSeconds: 600 };
    const dead = deadHolder();
    await createJob(db, mine, KIND, 'test');
    await createJob(db, theirs, KIND, 'test');
    expect(await claimJob(db, KIND, living)).toBe(mine);
    expect(await claimJob(db, KIND, dead)).toBe(theirs);
    const { rows } = await db.query<{ id: string; claimed_by: string; seconds: number; attempts: number }>(
      'select id::text, claimed_by, extract(epoch from lease_expires_at - now())::float as seconds, attempts from jobs where id = any($1::uuid[]) order by created_at',
      [[mine, theirs]],
    );
    expect(rows.map((r) => [r.claimed_by, r.attempts])).toEqual([[living.id, 1], [dead.id, 1]]);
    expect(rows[0]!.seconds).toBeGreaterThan(590);
    expect(rows[1]!.seconds).toBeLessThanOrEqual(1);

    await lapse(db, mine);
    await lapse(db, theirs);
    expect(await renewJobLeases(db, living)).toBe(1);
    // Taken back by the holder of neither: only the dead holder's job lapsed for good.
    const reclaimed = await reclaimLapsedJobs(db, JOB_ATTEMPTS, { id: 'third/1/c', leaseSeconds: 60 });
    expect(reclaimed.filter((j) => j.kind === KIND)).toEqual([{ id: theirs, kind: KIND, state: 'queued', heldBy: dead.id, attempts: 1 }]);
    expect((await readJob(db, mine, KIND))!.state).toBe('running');
    await finishJob(db, mine, 'done', { result: { ok: true } }, living);
    expect((await readJob(db, mine, KIND))!.state).toBe('done');
  });

  it('leaves a holder\'s own lapsed job to it: a collector never takes back what it holds', async () => {
    const KIND = kindOf();
    const id = randomUUID();
    const holder = deadHolder();
    await createJob(db, id, KIND, 'test');
    expect(await claimJob(db, KIND, holder)).toBe(id);
    await lapse(db, id);
    expect((await reclaimLapsedJobs(db, JOB_ATTEMPTS, holder)).map((j) => j.id)).not.toContain(id);
    expect((await readJob(db, id, KIND))!.state).toBe('running');
    expect((await reclaimLapsedJobs(db, JOB_ATTEMPTS, { id: 'other/1/b', leaseSeconds: 60 })).map((j) => j.id)).toContain(id);
  });

  it('queues a job again once, then fails it with the reason, and ignores the end a lapsed holder reports late', async () => {
    const KIND = kindOf();
    const id = randomUUID();
    const first = deadHolder();
    const second = deadHolder();
    const judge: JobHolder = { id: 'judge/1/j', leaseSeconds: 60 };
    await createJob(db, id, KIND, 'test');
    expect(await claimJob(db, KIND, first)).toBe(id);
    await lapse(db, id);
    expect((await reclaimLapsedJobs(db, JOB_ATTEMPTS, judge)).find((j) => j.id === id)).toMatchObject({ state: 'queued', heldBy: first.id });
    const requeued = (await readJob(db, id, KIND))!;
    expect(requeued).toMatchObject({ state: 'queued', attempts: 1, startedAt: null, finishedAt: null });
    expect(requeued.error).toContain(first.id);
    // The first holder, back from a long pause, reports the end of a job that is no longer its own.
    expect(await finishJob(db, id, 'done', { result: { late: true } }, first)).toBe(false);

    expect(await claimJob(db, KIND, second)).toBe(id);
    await lapse(db, id);
    expect((await reclaimLapsedJobs(db, JOB_ATTEMPTS, judge)).find((j) => j.id === id)).toMatchObject({ state: 'failed', heldBy: second.id, attempts: 2 });
    const failed = (await readJob(db, id, KIND))!;
    expect(failed).toMatchObject({ state: 'failed', attempts: JOB_ATTEMPTS, result: null });
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.error).toContain(second.id);
    expect(failed.error).toMatch(new RegExp(`attempt ${JOB_ATTEMPTS} of ${JOB_ATTEMPTS}; not run again`));
    expect(await finishJob(db, id, 'done', { result: { late: true } }, second)).toBe(false);
    expect((await readJob(db, id, KIND))!.state).toBe('failed');
  });

});

describe.each(CONTRACT_BACKENDS)('job leases on a running collector on %s', (backend) => {
  let c: TestCollector;

  beforeAll(async () => {
    c = await startTestCollector(backend, { jobLeaseSeconds: LEASE_SECONDS });
  }, 120_000);
  afterAll(async () => c?.stop());

  it('has a running collector\'s scheduler take back a dead collector\'s reconciliation and run it to the end', async () => {
    const id = randomUUID();
    const dead = deadHolder();
    await createJob(c.ctx.db, id, FULL_RECONCILIATION_JOB, 'script');
    // Claimed by the dead holder before the living collector's worker polls it.
    const claimed = await claimJob(c.ctx.db, FULL_RECONCILIATION_JOB, dead);
    expect(claimed).toBe(id);
    const settled = await until('the job to end', async () => {
      const job = (await readJob(c.ctx.db, id, FULL_RECONCILIATION_JOB))!;
      return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    });
    expect(settled).toMatchObject({ state: 'done', attempts: 2, error: null });
    const { rows } = await c.ctx.db.query<{ claimed_by: string }>('select claimed_by from jobs where id = $1', [id]);
    expect(rows[0]!.claimed_by).toBe(thisProcess.id);
    // The poll shows how many times it was taken.
    const auth = await c.adminAuth();
    const polled = (await (await fetch(`${c.url}/api/v1/reconcile/runs/${id}`, { headers: auth })).json()) as ReconcileJob;
    expect(polled).toMatchObject({ state: 'done', attempts: 2 });
  }, 90_000);

  it('keeps a job its own collector is running held past its first lease', async () => {
    const KIND = kindOf();
    const id = randomUUID();
    await createJob(c.ctx.db, id, KIND, 'test');
    expect(await claimJob(c.ctx.db, KIND)).toBe(id);
    // Three leases' time: without renewals it would have been taken back twice over.
    await new Promise((r) => setTimeout(r, LEASE_SECONDS * 3 * 1000));
    const { rows } = await c.ctx.db.query<{ state: string; claimed_by: string; ahead: boolean }>(
      'select state, claimed_by, lease_expires_at > now() as ahead from jobs where id = $1', [id]);
    expect(rows[0]).toEqual({ state: 'running', claimed_by: thisProcess.id, ahead: true });
    expect(await finishJob(c.ctx.db, id, 'done', {})).toBe(true);
  }, 30_000);
});
