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
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { requireSignedInSession } from '../../services/personal-tokens.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['Integrations'];

/** Helpdesk connectors, tickets on demand, and the service tokens other systems call us with. */
export function integrationRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const deps = alertDepsFrom(ctx);

  app.get('/api/v1/integrations', apiDoc({ tags, summary: 'Helpdesk connectors (secrets never answered)' }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return listIntegrationRecords(ctx.db);
  });
  app.get('/api/v1/integrations/:id', apiDoc({ tags, summary: 'One helpdesk connector', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'alerts:read');
    return readIntegration(ctx.db, validate(idParams, request.params, 'path').id);
  });
  app.post('/api/v1/integrations', apiDoc({ tags, summary: 'Add a ServiceNow, Jira, GLPI or Zammad connector', body: integrationInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const body = validate(integrationInput, request.body, 'body');
    reply.code(201);
    return createIntegration(ctx.db, ctx.secrets, user, body);
  });
  app.put('/api/v1/integrations/:id', apiDoc({ tags, summary: 'Replace a connector; secrets left out keep their stored value', params: idParams, body: integrationInput }), async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const { id } = validate(idParams, request.params, 'path');
    return changeIntegration(ctx.db, ctx.secrets, user, id, validate(integrationInput, request.body, 'body'));
  });
  app.delete('/api/v1/integrations/:id', apiDoc({ tags, summary: 'Delete a connector', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    await removeIntegration(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
  app.post('/api/v1/integrations/:id/tickets', apiDoc({ tags, summary: 'Open a ticket for an alert or a reconciliation finding', params: idParams, body: ticketRequest }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'alerts:write');
    const { id } = validate(idParams, request.params, 'path');
    const ticket = await requestTicket(deps, user, id, validate(ticketRequest, request.body, 'body'));
    reply.code(202);
    return ticket;
  });

  app.get('/api/v1/service-tokens', apiDoc({ tags, summary: 'Service tokens for systems that call the collector' }), async (request) => {
    await requirePermission(ctx, request, 'users:manage');
    return listTokens(ctx.db);
  });
  app.post('/api/v1/service-tokens', apiDoc({ tags, summary: 'Make a service token (answered once) scoped to lookup or metrics', body: serviceTokenInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    requireSignedInSession(user, 'service tokens');
    const body = validate(serviceTokenInput, request.body, 'body');
    reply.code(201);
    return createServiceToken(ctx.db, user, body.name, body.scopes);
  });
  app.delete('/api/v1/service-tokens/:id', apiDoc({ tags, summary: 'Revoke a service token', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    await revokeToken(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
}
