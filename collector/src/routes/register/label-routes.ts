import type { FastifyInstance } from 'fastify';
import { LABEL_JOB_THRESHOLD, LABEL_SHEET_LIMITS, labelRequest, type Asset, type LabelJob } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { ApiProblem } from '../../services/errors.js';
import { LabelJobs } from '../../services/register/label-jobs.js';
import { renderLabels } from '../../services/register/labels.js';
import type { JobRow } from '../../store/jobs.js';
import { assetsTable } from '../../store/register/asset-tables.js';
import { getRecords } from '../../store/register/record-table.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';

const tags = ['register'];
const jobParams = z.object({ id: z.uuid() });
const pollUrl = (id: string) => `/api/v1/register/labels/jobs/${id}`;

function jobView(job: JobRow): LabelJob {
  return { ...job, result: (job.result as LabelJob['result']) ?? null, poll: pollUrl(job.id), download: `${pollUrl(job.id)}/pdf` };
}

/**
 * Printable labels for a selection of assets, as PDF. A sheet of more than LABEL_JOB_THRESHOLD
 * labels takes tens of seconds to draw: it is a job to poll, drawn by whichever collector claims it.
 */
export function labelRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const jobs = new LabelJobs(ctx.db, ctx.log.child({ module: 'labels' }));
  app.decorate('labelJobs', jobs);
  app.addHook('onReady', async () => jobs.start());
  app.addHook('preClose', async () => jobs.stop());

  app.post('/api/v1/register/labels', apiDoc({ tags, summary: `Labels as PDF; more than ${LABEL_JOB_THRESHOLD}: 202 with a job to poll, then its PDF`, body: labelRequest }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:read');
    const body = validate(labelRequest, request.body, 'body');
    const limit = LABEL_SHEET_LIMITS[user.role];
    if (body.assetIds.length > limit) {
      throw new ApiProblem(403, 'label_limit', `assetIds: your role (${user.role}) may print at most ${limit} labels on one sheet; ${body.assetIds.length} were asked for`);
    }
    const assets = await getRecords<Asset>(ctx.db, assetsTable, body.assetIds);
    const byId = new Map(assets.map((a) => [a.id, a]));
    const missing = body.assetIds.filter((id) => !byId.has(id));
    if (missing.length) throw new ApiProblem(400, 'unknown_assets', `assetIds: ${missing.length} ids are not in the register`, missing.slice(0, 20).map((id) => `assetIds: no asset ${id}`));
    if (body.assetIds.length > LABEL_JOB_THRESHOLD) {
      const id = await jobs.request(user.username, { assetIds: body.assetIds, layout: body.layout, heading: body.heading });
      request.log.info({ job: id, labels: body.assetIds.length, by: user.username }, 'label sheet asked for as a job');
      return reply.code(202).header('location', pollUrl(id)).send(jobView((await jobs.read(id))!));
    }
    // Labels come out in the order asked for, which is the order they were selected in.
    const pdf = await renderLabels(body.assetIds.map((id) => byId.get(id)!), body.layout, body.heading);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="labels-${body.layout}.pdf"`).send(pdf);
  });

  app.get('/api/v1/register/labels/jobs/:id', apiDoc({ tags, summary: 'A label sheet drawn as a job: its state, and where its PDF is' }), async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(jobParams, request.params, 'path');
    const job = await jobs.read(id);
    if (!job) throw new ApiProblem(404, 'not_found', `id: no label sheet job ${id}`);
    return jobView(job);
  });

  app.get('/api/v1/register/labels/jobs/:id/pdf', apiDoc({ tags, summary: 'The PDF of a label sheet job once it is done' }), async (request, reply) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(jobParams, request.params, 'path');
    const job = await jobs.read(id);
    if (!job) throw new ApiProblem(404, 'not_found', `id: no label sheet job ${id}`);
    if (job.state === 'queued' || job.state === 'running') {
      throw new ApiProblem(409, 'job_not_done', `id: the label sheet is ${job.state}; poll ${pollUrl(id)} until it is done`, undefined, { 'retry-after': '5' });
    }
    const file = job.state === 'done' ? await jobs.download(id) : undefined;
    if (!file) throw new ApiProblem(409, 'job_failed', `id: the label sheet was not drawn (${job.state}): ${job.error ?? 'no reason recorded'}`);
    return reply.header('content-type', file.type).header('content-disposition', `inline; filename="labels-${file.layout ?? id}.pdf"`).send(file.content);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Label sheets drawn as jobs. */
    labelJobs: LabelJobs;
  }
}
