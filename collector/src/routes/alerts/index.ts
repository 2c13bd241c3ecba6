import type { FastifyInstance } from 'fastify';
import { seedDefaultAlertRules } from '../../alerts/default-rules.js';
import type { CollectorContext } from '../../context.js';
import { alertRoutes } from './alert-routes.js';
import { channelRoutes } from './channel-routes.js';
import { integrationRoutes } from './integration-routes.js';
import { lookupRoutes } from './lookup-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { reportRoutes } from './report-routes.js';

/** Alerts, their channels, helpdesk integrations, service tokens, the helpdesk lookup, reports and metrics. */
export function alertsAreaRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.addHook('onReady', async () => {
    if (!ctx.config.defaultAlertRules) return;
    const seeded = await seedDefaultAlertRules(ctx.db);
    if (seeded) ctx.log.info({ rules: seeded }, 'alerts: default rules installed');
  });
  alertRoutes(app, ctx);
  channelRoutes(app, ctx);
  integrationRoutes(app, ctx);
  lookupRoutes(app, ctx);
  metricsRoutes(app, ctx);
  reportRoutes(app, ctx);
}
