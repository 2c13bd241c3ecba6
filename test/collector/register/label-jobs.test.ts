import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_JOB_THRESHOLD, LABEL_SHEET_LIMITS, type LabelJob } from '@steward/shared';
import type { RunningCollector } from '../../../collector/src/collector.js';
import { createUser } from '../../../collector/src/services/auth.js';
import { ApiClient as DashboardApi } from '../../../dashboard/src/api/api-client.js';
import { downloadLabels } from '../../../dashboard/src/api/register.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startCollectorOn, type TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/*
 * Big label sheets are jobs: above the threshold the request answers 202 with a job to poll, any
 * collector of the database draws it and any serves its PDF; smaller sheets come back in the
 * answer, and each role keeps its cap on how many labels one sheet may hold.
 */

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
const AVERY_PER_PAGE = 14;

async function raw(url: string, auth: Record<string, string>, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method, headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, headers: response.headers, buffer, json: type.includes('json') ? JSON.parse(buffer.toString('utf8')) : undefined };
}

describe.each(CONTRACT_BACKENDS)('label sheets as jobs on %s', (backend) => {
  let c: TestCollector;
  let other: RunningCollector;
  let admin: RegisterClient;
  let auth: Record<string, string>;
  const assetIds: string[] = [];
  // Enough to be a job, and to fill pages unevenly so the page count tells whether all were drawn.
  const SHEET = LABEL_JOB_THRESHOLD + 37;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    other = await startCollectorOn(c.database.db);
    auth = await c.adminAuth();
    const csv = ['Name,Category', ...Array.from({ length: SHEET }, (_, i) => `Label job item ${i},hardware.peripherals`)].join('\n');
    const preview = expectStatus(await admin.call('POST', '/import', csv), 201);
    expectStatus(await admin.post(`/import/${preview.importId}/commit`, {}), 200);
    const items = expectStatus(await admin.get(`/assets?search=${encodeURIComponent('Label job item')}&limit=1000&sort=name`), 200).items as Array<{ id: string }>;
    assetIds.push(...items.map((a) => a.id));
    expect(assetIds).toHaveLength(SHEET);
  }, 300_000);
  afterAll(async () => {
    await other?.close();
    await c?.stop();
  });

  it('answers a sheet above the threshold with 202 and a job; another collector answers the poll and serves the PDF', async () => {
    const started = await raw(c.url, auth, 'POST', '/api/v1/register/labels', { assetIds, layout: 'avery-l7163' });
    expect(started.status).toBe(202);
    const job = started.json as LabelJob;
    expect(job).toMatchObject({ requestedBy: 'admin', result: null, poll: `/api/v1/register/labels/jobs/${job.id}`, download: `/api/v1/register/labels/jobs/${job.id}/pdf` });
    expect(['queued', 'running']).toContain(job.state);
    expect(started.headers.get('location')).toBe(job.poll);

    // Asked for before it is drawn, the PDF is refused with the state and where to poll.
    const early = await raw(other.url, auth, 'GET', job.download);
    expect(early.status).toBe(409);
    expect(early.json.error).toBe('job_not_done');
    expect(early.json.message).toContain(job.poll);

    const deadline = Date.now() + 120_000;
    let polled = job;
    while (!['done', 'failed', 'cancelled'].includes(polled.state) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      polled = (await raw(other.url, auth, 'GET', job.poll)).json as LabelJob;
    }
    expect(polled).toMatchObject({ state: 'done', attempts: 1, error: null, result: { labels: SHEET, leftOut: 0 } });

    const pdf = await raw(other.url, auth, 'GET', job.download);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('inline; filename="labels-avery-l7163.pdf"');
    expect(pdf.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.buffer.length).toBe(polled.result!.bytes);
    expect(pageCount(pdf.buffer)).toBe(Math.ceil(SHEET / AVERY_PER_PAGE));

    const { rows } = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels' and state = 'running'");
    expect(rows[0]!.n).toBe(0);
  }, 180_000);

  it('lets the dashboard print a big sheet: it polls the job and downloads the PDF', async () => {
    const dashboard = new DashboardApi({ baseUrl: c.url, token: () => auth.authorization!.slice('Bearer '.length), onUnauthorized: () => undefined });
    const before = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    const file = await downloadLabels(dashboard, assetIds.slice(0, LABEL_JOB_THRESHOLD + 1), 'avery-l7163', 100);
    const pdf = Buffer.from(await file.blob.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(Math.ceil((LABEL_JOB_THRESHOLD + 1) / AVERY_PER_PAGE));
    const after = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
  }, 180_000);

  it('keeps a sheet at the threshold synchronous: the PDF in the answer, no job made', async () => {
    const before = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    const answer = await raw(c.url, auth, 'POST', '/api/v1/register/labels', { assetIds: assetIds.slice(0, LABEL_JOB_THRESHOLD), layout: 'avery-l7163' });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/pdf');
    expect(pageCount(answer.buffer)).toBe(Math.ceil(LABEL_JOB_THRESHOLD / AVERY_PER_PAGE));
    const after = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  }, 120_000);

  it('keeps the per-role caps, and refuses unknown ids before making a job', async () => {
    await createUser(c.database.db, 'label-helpdesk', 'a-long-test-password', 'helpdesk');
    const login = await raw(c.url, {}, 'POST', '/api/v1/auth/login', { username: 'label-helpdesk', password: 'a-long-test-password' });
    const helpdeskAuth = { authorization: `Bearer ${login.json.token as string}` };
    const capped = await raw(c.url, helpdeskAuth, 'POST', '/api/v1/register/labels', { assetIds: assetIds.slice(0, LABEL_SHEET_LIMITS.helpdesk + 1) });
    expect(capped.status).toBe(403);
    expect(capped.json.error).toBe('label_limit');
    expect(capped.json.message).toContain(`at most ${LABEL_SHEET_LIMITS.helpdesk}`);

    const before = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    const unknown = await raw(c.url, auth, 'POST', '/api/v1/register/labels', { assetIds: [...assetIds, randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toContain('assetIds');
    const after = await c.database.db.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'register.labels'");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('answers the poll and the download of what is not a label job with a clear refusal', async () => {
    expect((await raw(c.url, auth, 'GET', '/api/v1/register/labels/jobs/not-a-uuid')).json.message).toContain('id');
    expect((await raw(c.url, auth, 'GET', '/api/v1/register/labels/jobs/not-a-uuid')).status).toBe(400);
    expect((await raw(c.url, auth, 'GET', `/api/v1/register/labels/jobs/${randomUUID()}`)).status).toBe(404);
    expect((await raw(c.url, auth, 'GET', `/api/v1/register/labels/jobs/${randomUUID()}/pdf`)).status).toBe(404);
    // A reconciliation job is not a label sheet, though it lives in the same table.
    const run = await raw(c.url, auth, 'POST', '/api/v1/reconcile/run', {});
    expect((await raw(c.url, auth, 'GET', `/api/v1/register/labels/jobs/${run.json.id}`)).status).toBe(404);
  });
});
