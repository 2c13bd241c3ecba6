import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { snmpCredentialOrder, snmpCredentialSetInput, snmpCredentialSetUpdate } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import {
  createCredentialSet, deleteCredentialSet, listCredentialSets, reorderCredentialSets, updateCredentialSet,
} from '../../services/network/credentials.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorOf } from './actor.js';

const idParams = z.object({ id: z.uuid() });

/** SNMP credential sets: listed without their secrets, which are write-only. */
export function credentialRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/network/credentials', apiDoc({ tags: ['network'], summary: 'List SNMP credential sets in the order they are tried (secrets are never answered)' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return { items: await listCredentialSets(ctx) };
  });

  app.post('/api/v1/network/credentials', apiDoc({ tags: ['network'], summary: 'Add an SNMP credential set; its community or keys are stored sealed', body: snmpCredentialSetInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const body = validate(snmpCredentialSetInput, request.body, 'credential');
    const view = await createCredentialSet(ctx, actorOf(user, request), body);
    request.log.info({ credential: view.id, name: view.name, version: view.version }, 'SNMP credential set created');
    return reply.code(201).send(view);
  });

  app.put('/api/v1/network/credentials/order', apiDoc({ tags: ['network'], summary: 'Set the order credential sets are tried in', body: snmpCredentialOrder }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { ids } = validate(snmpCredentialOrder, request.body, 'order');
    return { items: await reorderCredentialSets(ctx, actorOf(user, request), ids) };
  });

  app.put('/api/v1/network/credentials/:id', apiDoc({ tags: ['network'], summary: 'Replace a credential set; secrets left out keep their stored values', params: idParams, body: snmpCredentialSetUpdate }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    const body = validate(snmpCredentialSetUpdate, request.body, 'credential');
    const view = await updateCredentialSet(ctx, actorOf(user, request), id, body);
    request.log.info({ credential: id, name: view.name, version: view.version }, 'SNMP credential set changed');
    return view;
  });

  app.delete('/api/v1/network/credentials/:id', apiDoc({ tags: ['network'], summary: 'Delete a credential set', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    await deleteCredentialSet(ctx, actorOf(user, request), id);
    return reply.code(204).send();
  });
}
