import type { FastifyInstance } from 'fastify';
import { integrationInput, serviceTokenInput, ticketRequest } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { alertDepsFrom } from '../../alerts/alert-deps.js';
import { createServiceToken, listTokens, revokeToken } from '../../alerts/service-token-service.js';
import {
  changeIntegration, createIntegration, listIntegrationRecords, readIntegration, removeIntegration,
} from '../../integrations/integration-service.js';
import { requestTicket } from '../../integrations/ticket-service.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

const idParams = z.object({ id: z.uuid() });

/** Helpdesk connectors, tickets on demand, and the service tokens other systems call us with. */
export function integrationRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const deps = alertDepsFrom(ctx);

  app.get('/api/v1/integrations', async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listIntegrationRecords(ctx.db);
  });
  app.get('/api/v1/integrations/:id', async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readIntegration(ctx.db, validate(idParams, request.params, 'path').id);
  });
  app.post('/api/v1/integrations', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const body = validate(integrationInput, request.body, 'body');
    reply.code(201);
    return createIntegration(ctx.db, ctx.secrets, user, body);
  });
  app.put('/api/v1/integrations/:id', async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const { id } = validate(idParams, request.params, 'path');
    return changeIntegration(ctx.db, ctx.secrets, user, id, validate(integrationInput, request.body, 'body'));
  });
  app.delete('/api/v1/integrations/:id', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    await removeIntegration(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
  app.post('/api/v1/integrations/:id/tickets', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    const ticket = await requestTicket(deps, user, id, validate(ticketRequest, request.body, 'body'));
    reply.code(202);
    return ticket;
  });

  app.get('/api/v1/service-tokens', async (request) => {
    await requirePermission(ctx, request, 'users:manage');
    return listTokens(ctx.db);
  });
  app.post('/api/v1/service-tokens', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    const body = validate(serviceTokenInput, request.body, 'body');
    reply.code(201);
    return createServiceToken(ctx.db, user, body.name, body.scopes);
  });
  app.delete('/api/v1/service-tokens/:id', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    await revokeToken(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
}
