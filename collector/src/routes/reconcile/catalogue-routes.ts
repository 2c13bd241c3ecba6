import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { catalogueProductInput, catalogueProductUpdate, createRuleRequest, licenceClass, rawTitle, updateRuleRequest } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import {
  createProduct, createRule, previewNormalisation, removeProduct, removeRule, updateProduct, updateRule,
} from '../../reconcile/catalogue/catalogue-service.js';
import { ensureShippedCatalogue } from '../../reconcile/catalogue/ensure-catalogue.js';
import { ApiProblem } from '../../services/errors.js';
import { getProduct, listProducts, listRules } from '../../store/reconcile/catalogue.js';
import { triageList } from '../../store/reconcile/titles.js';
import { apiDoc } from '../openapi.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { actorFor } from './actor.js';

const productParams = z.object({ id: z.string().min(1).max(128) });
const ruleParams = z.object({ id: z.string().min(1).max(128) });
const productQuery = z.object({ search: z.string().max(256).optional(), licence: licenceClass.optional() });
const triageQuery = z.object({
  search: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const tags = ['catalogue'];

export function catalogueRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/catalogue/products', apiDoc({ tags, summary: 'Software catalogue products', querystring: productQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    await ensureShippedCatalogue(ctx.db);
    return { items: await listProducts(ctx.db, validate(productQuery, request.query, 'query')) };
  });

  app.get('/api/v1/catalogue/products/:id', apiDoc({ tags, summary: 'One catalogue product', params: productParams }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    const { id } = validate(productParams, request.params, 'path');
    const product = await getProduct(ctx.db, id);
    if (!product) throw new ApiProblem(404, 'not_found', `no catalogue product ${id}`);
    return product;
  });

  app.post('/api/v1/catalogue/products', apiDoc({ tags, summary: 'Add a product to the catalogue', body: catalogueProductInput }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const created = await createProduct(ctx.db, actor, validate(catalogueProductInput, request.body, 'body'));
    reply.code(201);
    return created;
  });

  app.patch('/api/v1/catalogue/products/:id', apiDoc({ tags, summary: 'Edit a catalogue product', params: productParams, body: catalogueProductUpdate }), async (request) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { id } = validate(productParams, request.params, 'path');
    return updateProduct(ctx.db, actor, id, validate(catalogueProductUpdate, request.body, 'body'));
  });

  app.delete('/api/v1/catalogue/products/:id', apiDoc({ tags, summary: 'Delete a catalogue product without entitlements', params: productParams }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    await removeProduct(ctx.db, actor, validate(productParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.get('/api/v1/catalogue/rules', apiDoc({ tags, summary: 'Normalisation rules in the order they are tried' }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    await ensureShippedCatalogue(ctx.db);
    return { items: await listRules(ctx.db) };
  });

  app.post('/api/v1/catalogue/rules', apiDoc({ tags, summary: 'Add a normalisation rule', body: createRuleRequest }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const body = validate(createRuleRequest, request.body, 'body');
    const created = await createRule(ctx.db, actor, body.rule, body.position);
    reply.code(201);
    return created;
  });

  app.put('/api/v1/catalogue/rules/:id', apiDoc({ tags, summary: 'Change a normalisation rule or its position', params: ruleParams, body: updateRuleRequest }), async (request) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    const { id } = validate(ruleParams, request.params, 'path');
    const body = validate(updateRuleRequest, request.body, 'body');
    return updateRule(ctx.db, actor, id, body.rule, body.position);
  });

  app.delete('/api/v1/catalogue/rules/:id', apiDoc({ tags, summary: 'Delete a rule (a shipped one is disabled)', params: ruleParams }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'licenses:write');
    await removeRule(ctx.db, actor, validate(ruleParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.post('/api/v1/catalogue/normalise', apiDoc({ tags, summary: 'What the current rules make of a title', body: rawTitle }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return previewNormalisation(ctx.db, validate(rawTitle, request.body, 'body'));
  });

  app.get('/api/v1/software/triage', apiDoc({ tags, summary: 'Unrecognised software, the titles on most devices first', querystring: triageQuery }), async (request) => {
    await requirePermission(ctx, request, 'licenses:read');
    return triageList(ctx.db, validate(triageQuery, request.query, 'query'));
  });
}
