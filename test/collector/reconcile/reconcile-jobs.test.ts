import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileJob, ReconcileRun } from '@steward/shared';
import { FULL_RECONCILIATION_JOB } from '../../../collector/src/reconcile/run/reconcile-jobs.js';
import { claimJob, createJob } from '../../../collector/src/store/jobs.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startCollectorOn, startTestCollector, type TestCollector } from '../../support/collector.js';
import type { RunningCollector } from '../../../collector/src/collector.js';
import { ApiClient } from './api-client.js';
import { reportDevice } from './world.js';

async function pollUntilSettled(api: ApiClient, poll: string): Promise<ReconcileJob> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await api.get<ReconcileJob>(poll);
    if (['done', 'failed', 'cancelled'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Long operations answer at once: a full reconciliation on demand is a job kept in the database,
 * polled on any collector; label sheets are bounded by the asker's role.
 */
describe.each(CONTRACT_BACKENDS)('long operations on %s', (backend) => {
  let c: TestCollector;
  let other: RunningCollector;
  let admin: ApiClient;

  beforeAll(async () => {
    c = await startTestCollector(backend);
    // A second collector on the same database, as behind a load balancer.
    other = await startCollectorOn(c.database.db);
    admin = await ApiClient.admin(c);
    await reportDevice(c, { hostname: 'job-host', serial: 'JOBSERIAL1', manufacturer: 'HP', model: 'EliteDesk 800 G6', uuid: 'cccccccc-0000-4000-8000-000000000001', macs: ['3c:52:82:cc:00:01'], cores: 4, os: 'Debian GNU/Linux', software: [] });
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await c?.stop();
  });

  it('answers 202 at once with the job and where to poll it; the other collector answers the poll with the figures', async () => {
    const response = await admin.raw('POST', '/api/v1/reconcile/run', {});
    expect(response.status).toBe(202);
    const job = (await response.json()) as ReconcileJob;
    expect(job).toMatchObject({ requestedBy: 'admin', result: null, poll: `/api/v1/reconcile/runs/${job.id}` });
    expect(['queued', 'running']).toContain(job.state);
    expect(response.headers.get('location')).toBe(job.poll);
    const elsewhere = new ApiClient(other.url, await c.adminAuth());
    const done = await pollUntilSettled(elsewhere, job.poll);
    expect(done.state).toBe('done');
    expect(done.result!.devices).toBe(1);
    expect(done.finishedAt).not.toBeNull();
  });

  it('keeps ?wait=true for callers that want the figures in the answer', async () => {
    const run = await admin.post<ReconcileRun>('/api/v1/reconcile/run?wait=true', {});
    expect(run).toMatchObject({ devices: 1 });
    expect(run.milliseconds).toBeGreaterThanOrEqual(0);
  });

  it('runs a job no collector took yet, on whichever polls first, and each queued job once', async () => {
    const first = randomUUID();
    const second = randomUUID();
    await createJob(c.ctx.db, first, FULL_RECONCILIATION_JOB, 'script');
    await createJob(c.ctx.db, second, FULL_RECONCILIATION_JOB, 'script');
    const claimed = await Promise.all([claimJob(c.ctx.db, FULL_RECONCILIATION_JOB), claimJob(c.ctx.db, FULL_RECONCILIATION_JOB)]);
    expect(new Set(claimed)).toEqual(new Set([first, second]));
    expect(await claimJob(c.ctx.db, FULL_RECONCILIATION_JOB)).toBeUndefined();
    const third = randomUUID();
    await createJob(c.ctx.db, third, FULL_RECONCILIATION_JOB, 'script');
    other.app.reconcileWorker.jobs.kick();
    const done = await pollUntilSettled(admin, `/api/v1/reconcile/runs/${third}`);
    expect(done).toMatchObject({ state: 'done', requestedBy: 'script' });
  });

  it('lets read-only roles poll but not start a run, and refuses ids that are not runs', async () => {
    const auditor = await ApiClient.withRole(c, 'auditor');
    const helpdesk = await ApiClient.withRole(c, 'helpdesk');
    expect((await helpdesk.raw('POST', '/api/v1/reconcile/run', {})).status).toBe(403);
    const started = await admin.raw('POST', '/api/v1/reconcile/run', {});
    const job = (await started.json()) as ReconcileJob;
    expect((await auditor.raw('GET', job.poll)).status).toBe(200);
    await pollUntilSettled(admin, job.poll);
    const bad = await admin.raw('GET', '/api/v1/reconcile/runs/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id');
    expect((await admin.raw('GET', `/api/v1/reconcile/runs/${randomUUID()}`)).status).toBe(404);
    expect((await admin.raw('POST', '/api/v1/reconcile/run?wait=maybe', {})).status).toBe(400);
  });

  it('bounds a label sheet by role: a read-only role may not ask for 2,000 labels, and is told why', async () => {
    const auditor = await ApiClient.withRole(c, 'auditor');
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    const refused = await auditor.raw('POST', '/api/v1/register/labels', { assetIds: ids });
    expect(refused.status).toBe(403);
    const reason = (await refused.json()) as { error: string; message: string };
    expect(reason.error).toBe('label_limit');
    expect(reason.message).toMatch(/auditor.*at most 200.*2000/);
    expect((await auditor.raw('POST', '/api/v1/register/labels', { assetIds: ids.slice(0, 201) })).status).toBe(403);
    // Within the bound the request goes on to the register (these ids are in none).
    expect((await auditor.raw('POST', '/api/v1/register/labels', { assetIds: ids.slice(0, 200) })).status).toBe(400);
    // An administrator may print the whole 2,000.
    expect((await admin.raw('POST', '/api/v1/register/labels', { assetIds: ids })).status).toBe(400);
  });
});
