import type { FastifyInstance } from 'fastify';
import { reconcileRunQuery, reconcileSettings, type ReconcileJob, type ReconcileRun } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import type { ReconcileWorker } from '../../reconcile/run/reconcile-worker.js';
import { LAST_FULL_RUN_KEY } from '../../reconcile/run/full-reconciliation.js';
import { recordAudit } from '../../services/audit.js';
import { ApiProblem } from '../../services/errors.js';
import type { JobRow } from '../../store/jobs.js';
import { queueLengths } from '../../store/reconcile/queue.js';
import { readReconcileSettings, writeReconcileSettings } from '../../store/reconcile/settings.js';
import { readSetting } from '../../store/settings.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorFor, requireAnyPermission } from './actor.js';

const tags = ['reconciliation'];
const jobParams = z.object({ id: z.uuid() });
const pollUrl = (id: string) => `/api/v1/reconcile/runs/${id}`;

function jobView(job: JobRow): ReconcileJob {
  return { ...job, poll: pollUrl(job.id), result: (job.result as ReconcileRun | null) ?? null };
}

export function runRoutes(app: FastifyInstance, ctx: CollectorContext, worker: ReconcileWorker): void {
  // A full run takes minutes on a large estate: it answers at once with a job to poll. `?wait=true`
  // holds the request until the run is over and answers its figures, for scripts written for that.
  app.post('/api/v1/reconcile/run', apiDoc({ tags, summary: 'Start a full reconciliation: 202 with the job to poll (?wait=true: 200 with the figures once done)', querystring: reconcileRunQuery }), async (request, reply) => {
    const actor = await requireAnyPermission(ctx, request, 'licenses:write', 'findings:write');
    const query = validate(reconcileRunQuery, request.query, 'query');
    const id = await worker.jobs.request(actor.username);
    request.log.info({ job: id, by: actor.username }, 'full reconciliation asked for');
    if (query.wait === 'true') {
      const job = await worker.jobs.settled(id);
      if (job?.state === 'done') return job.result;
      if (job?.state === 'cancelled') throw new ApiProblem(503, 'reconcile_stopped', job.error ?? 'the run was stopped', undefined, { 'retry-after': '30' });
      throw new ApiProblem(500, 'reconcile_failed', `the full reconciliation failed: ${job?.error ?? 'unknown'}`);
    }
    const job = await worker.jobs.read(id);
    return reply.code(202).header('location', pollUrl(id)).send(jobView(job!));
  });

  app.get('/api/v1/reconcile/runs/:id', apiDoc({ tags, summary: 'A full reconciliation asked for: its state, and its figures once done' }), async (request) => {
    await requireAnyPermission(ctx, request, 'licenses:read', 'findings:read');
    const { id } = validate(jobParams, request.params, 'path');
    const job = await worker.jobs.read(id);
    if (!job) throw new ApiProblem(404, 'not_found', `id: no reconciliation run ${id}`);
    return jobView(job);
  });

  app.get('/api/v1/reconcile/status', apiDoc({ tags, summary: 'Queued work and the last full reconciliation' }), async (request) => {
    await requireAnyPermission(ctx, request, 'licenses:read', 'findings:read');
    return { queued: await queueLengths(ctx.db), lastFullRun: (await readSetting<string>(ctx.db, LAST_FULL_RUN_KEY)) ?? null };
  });

  app.get('/api/v1/reconcile/settings', apiDoc({ tags, summary: 'Reconciliation settings' }), async (request) => {
    await requireAnyPermission(ctx, request, 'licenses:read', 'findings:read');
    return readReconcileSettings(ctx.db);
  });

  app.put('/api/v1/reconcile/settings', apiDoc({ tags, summary: 'Change the reconciliation settings', body: reconcileSettings }), async (request) => {
    const actor = await actorFor(ctx, request, 'settings:write');
    const value = validate(reconcileSettings, request.body, 'body');
    await ctx.db.transaction(async (tx) => {
      const before = await readReconcileSettings(tx);
      await writeReconcileSettings(tx, value);
      await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'reconcile.settings', objectType: 'settings', objectId: 'reconcile', before, after: value });
    });
    return value;
  });
}
