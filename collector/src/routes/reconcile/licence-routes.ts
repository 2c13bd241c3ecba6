import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { allocationInput, entitlementInput, entitlementListQuery, historyQuery, licenceTrendQuery, positionQuery, productPriceInput } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { allocate, createEntitlement, deallocate, removeEntitlement, replaceEntitlement } from '../../reconcile/entitlements/entitlement-service.js';
import { positionsAsOf } from '../../reconcile/licence/positions-as-of.js';
import { setProductPrice } from '../../reconcile/licence/product-price.js';
import { ApiProblem } from '../../services/errors.js';
import { getEntitlement, listEntitlements } from '../../store/reconcile/entitlements.js';
import { licenceTrend } from '../../store/reconcile/position-trend.js';
import { listUnlicensed, positionHistory } from '../../store/reconcile/positions.js';
import { apiDoc } from '../openapi.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { actorFor } from './actor.js';

const idParams = z.object({ id: z.uuid() });
const productParams = z.object({ productId: z.string().min(1).max(200) });
const allocationParams = z.object({ id: z.uuid(), allocationId: z.uuid() });
const unlicensedQuery = z.object({
  productId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
const tags = ['licences'];

export function licenceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/licenses/position', apiDoc({ tags, summary: 'Effective licence position per product: entitled, consumed, shortfall and its cost', querystring: positionQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return positionsAsOf(ctx.db, validate(positionQuery, request.query, 'query'));
  });

  app.get('/api/v1/licenses/unlicensed', apiDoc({ tags, summary: 'Installs no entitlement covers, with the discovery that saw them', querystring: unlicensedQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return { items: await listUnlicensed(ctx.db, validate(unlicensedQuery, request.query, 'query')) };
  });

  app.get('/api/v1/licenses/history', apiDoc({ tags, summary: 'Licence position over time', querystring: historyQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return { items: await positionHistory(ctx.db, validate(historyQuery, request.query, 'query')) };
  });

  app.put('/api/v1/licenses/position/:productId/price', apiDoc({ tags, summary: "Price a product's shortfall: the catalogue's list price or the organisation's own (null clears it)", params: productParams, body: productPriceInput }), async (request) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { productId } = validate(productParams, request.params, 'path');
    return { position: await setProductPrice(ctx.db, actor, productId, validate(productPriceInput, request.body, 'body')) };
  });

  app.get('/api/v1/licenses/trend', apiDoc({ tags, summary: "The estate's whole licence position over time (each product's last position carried forward); the last 30 days unless told", querystring: licenceTrendQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    const q = validate(licenceTrendQuery, request.query, 'query');
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    return { items: await licenceTrend(ctx.db, { from, to, granularity: q.granularity }) };
  });

  app.get('/api/v1/licenses/entitlements', apiDoc({ tags, summary: 'Entitlements; licence keys are never answered', querystring: entitlementListQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return listEntitlements(ctx.db, validate(entitlementListQuery, request.query, 'query'));
  });

  app.get('/api/v1/licenses/entitlements/:id', apiDoc({ tags, summary: 'One entitlement', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    const { id } = validate(idParams, request.params, 'path');
    const found = await getEntitlement(ctx.db, id);
    if (!found) throw new ApiProblem(404, 'not_found', `no entitlement with id ${id}`);
    return found;
  });

  app.post('/api/v1/licenses/entitlements', apiDoc({ tags, summary: 'Record an entitlement (licence keys are sealed and write-only)', body: entitlementInput }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const created = await createEntitlement(ctx.db, ctx.secrets, actor, validate(entitlementInput, request.body, 'body'));
    reply.code(201);
    return created;
  });

  app.put('/api/v1/licenses/entitlements/:id', apiDoc({ tags, summary: 'Replace an entitlement; keys and allocations are kept unless given', params: idParams, body: entitlementInput }), async (request) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { id } = validate(idParams, request.params, 'path');
    return replaceEntitlement(ctx.db, ctx.secrets, actor, id, validate(entitlementInput, request.body, 'body'));
  });

  app.delete('/api/v1/licenses/entitlements/:id', apiDoc({ tags, summary: 'Delete an entitlement', params: idParams }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    await removeEntitlement(ctx.db, actor, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.post('/api/v1/licenses/entitlements/:id/allocations', apiDoc({ tags, summary: 'Allocate an entitlement to a device, user or department', params: idParams, body: allocationInput }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { id } = validate(idParams, request.params, 'path');
    const updated = await allocate(ctx.db, actor, id, validate(allocationInput, request.body, 'body'));
    reply.code(201);
    return updated;
  });

  app.delete('/api/v1/licenses/entitlements/:id/allocations/:allocationId', apiDoc({ tags, summary: 'Remove an allocation', params: allocationParams }), async (request) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { id, allocationId } = validate(allocationParams, request.params, 'path');
    return deallocate(ctx.db, actor, id, allocationId);
  });
}
