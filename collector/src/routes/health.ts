import type { FastifyInstance } from 'fastify';
import type { HealthAnswer } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { COLLECTOR_VERSION } from '../version.js';

export function healthRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/health', async (): Promise<HealthAnswer> => {
    // The database must answer; an outage surfaces as 503 through the error handler.
    await ctx.db.ping();
    return { status: 'ok', database: ctx.databaseKind, version: COLLECTOR_VERSION };
  });
}
