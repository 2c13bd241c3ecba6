import type { FastifyInstance } from 'fastify';
import { Gauge, Registry } from 'prom-client';
import type { CollectorContext } from '../../context.js';
import { metricsRegistry } from '../../alerts/metrics.js';
import { requireServiceScope, serviceBearer } from '../../alerts/service-token-service.js';
import { countLiveAlerts } from '../../store/alerts/alerts.js';
import { queueDepths } from '../../store/alerts/queue-depths.js';
import { requirePermission } from '../auth.js';

/** Figures read from this collector and its database when scraped. */
function scrapedRegistry(ctx: CollectorContext): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'steward_agents_connected', help: 'Agents holding a live channel to this collector', registers: [registry],
    collect() {
      this.set(ctx.agents.count);
    },
  });
  new Gauge({
    name: 'steward_queue_depth', help: 'Work waiting in the shared queues, by queue', labelNames: ['queue'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, depth] of Object.entries(await queueDepths(ctx.db))) this.set({ queue }, depth);
    },
  });
  new Gauge({
    name: 'steward_alerts_open', help: 'Alerts not resolved, by severity', labelNames: ['severity'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const severity of ['info', 'warning', 'critical']) this.set({ severity }, 0);
      for (const row of await countLiveAlerts(ctx.db)) this.set({ severity: row.severity }, row.n);
    },
  });
  return registry;
}

/**
 * Prometheus metrics at /metrics, for a service token with the metrics scope (or a user who may
 * read the audit log): process figures, counters other modules feed, and figures read on scrape.
 */
export function metricsRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const merged = Registry.merge([metricsRegistry, scrapedRegistry(ctx)]);
  app.get('/metrics', async (request, reply) => {
    const token = serviceBearer(request);
    if (token) await requireServiceScope(ctx.db, token, 'metrics');
    else await requirePermission(ctx, request, 'audit:read');
    reply.header('content-type', merged.contentType);
    return merged.metrics();
  });
}
