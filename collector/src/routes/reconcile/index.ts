import type { FastifyInstance } from 'fastify';
import type { CollectorContext } from '../../context.js';
import { ReconcileWorker } from '../../reconcile/run/reconcile-worker.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { findingRoutes } from './finding-routes.js';
import { licenceRoutes } from './licence-routes.js';
import { reportRoutes } from './report-routes.js';
import { runRoutes } from './run-routes.js';

/**
 * Reconciliation: licences, the software catalogue, findings and their reports. The worker that
 * keeps them current starts with the server and stops with it.
 */
export function reconcileRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const worker = new ReconcileWorker(ctx.db, ctx.log.child({ module: 'reconcile' }), ctx.live);
  app.decorate('reconcileWorker', worker);
  app.addHook('onReady', async () => {
    await worker.start();
  });
  // Before the server waits for requests in flight: a full run one of them waits for stops first.
  app.addHook('preClose', async () => {
    await worker.stop();
  });
  licenceRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  findingRoutes(app, ctx);
  reportRoutes(app, ctx);
  runRoutes(app, ctx, worker);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Reconciliation's queue worker; tests wait on it with `idle()`. */
    reconcileWorker: ReconcileWorker;
  }
}
