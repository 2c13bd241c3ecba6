import type { FastifyInstance } from 'fastify';
import { reconcileSettings } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import type { ReconcileWorker } from '../../reconcile/run/reconcile-worker.js';
import { LAST_FULL_RUN_KEY, runFullReconciliation } from '../../reconcile/run/full-reconciliation.js';
import { recordAudit } from '../../services/audit.js';
import { queueLengths } from '../../store/reconcile/queue.js';
import { readReconcileSettings, writeReconcileSettings } from '../../store/reconcile/settings.js';
import { readSetting } from '../../store/settings.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorFor, requireAnyPermission } from './actor.js';

const tags = ['reconciliation'];

export function runRoutes(app: FastifyInstance, ctx: CollectorContext, worker: ReconcileWorker): void {
  app.post('/api/v1/reconcile/run', apiDoc({ tags, summary: 'Run a full reconciliation now and answer its figures' }), async (request) => {
    const actor = await requireAnyPermission(ctx, request, 'licenses:write', 'findings:write');
    const run = await runFullReconciliation(ctx.db);
    request.log.info({ ...run, by: actor.username }, 'full reconciliation on demand');
    worker.kick();
    return run;
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
