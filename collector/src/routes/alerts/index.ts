import type { FastifyInstance } from 'fastify';
import type { CollectorContext } from '../../context.js';
import { alertRoutes } from './alert-routes.js';
import { channelRoutes } from './channel-routes.js';
import { integrationRoutes } from './integration-routes.js';
import { lookupRoutes } from './lookup-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { reportRoutes } from './report-routes.js';

/** Alerts, their channels, helpdesk integrations, service tokens, the helpdesk lookup, reports and metrics. */
export function alertsAreaRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  alertRoutes(app, ctx);
  channelRoutes(app, ctx);
  integrationRoutes(app, ctx);
  lookupRoutes(app, ctx);
  metricsRoutes(app, ctx);
  reportRoutes(app, ctx);
}
