import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assetLookupQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { requireServiceScope, serviceBearer } from '../../alerts/service-token-service.js';
import { lookUpAssets } from '../../integrations/asset-lookup.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';

/** A service token with the lookup scope, or a signed-in user who may read the register. */
async function requireLookup(ctx: CollectorContext, request: FastifyRequest): Promise<void> {
  const token = serviceBearer(request);
  if (token) await requireServiceScope(ctx.db, token, 'lookup');
  else await requirePermission(ctx, request, 'register:read');
}

/** The lookup a helpdesk calls from its own ticket screen. */
export function lookupRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/lookup/assets', apiDoc({ tags: ['Integrations'], summary: 'Helpdesk lookup by tag, serial, host name or user: asset, holder, warranty, open tickets', querystring: assetLookupQuery }), async (request) => {
    await requireLookup(ctx, request);
    return lookUpAssets(ctx.db, validate(assetLookupQuery, request.query, 'query'));
  });
}
