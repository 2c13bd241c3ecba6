import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allowEnrolmentInput, enrollmentSecretInput } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import {
  agentsWithStatus, allowMachineReenrolment, createEnrollmentSecret, enrollmentSecrets, revokeAgentToken, revokeSecret, type Actor,
} from '../services/agent-admin.js';
import type { UserRow } from '../store/users.js';
import { requirePermission } from './auth.js';
import { validate } from './validate.js';

const idParams = z.object({ id: z.uuid() });
const page = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const actorOf = (user: UserRow, request: FastifyRequest): Actor => ({ username: user.username, role: user.role, sourceIp: request.ip });

/** Managing agents: their list and status, revocation, and the enrolment secrets. */
export function agentAdminRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/agents', async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    const query = validate(page, request.query, 'query');
    return agentsWithStatus(ctx.db, query.limit, query.offset);
  });

  app.post('/api/v1/agents/:id/revoke', async (request) => {
    const user = await requirePermission(ctx, request, 'agents:command');
    const { id } = validate(idParams, request.params, 'path');
    await revokeAgentToken(ctx.db, id, actorOf(user, request));
    await ctx.agents.disconnect(id);
    return { revoked: true };
  });

  app.post('/api/v1/agents/:id/allow-enrolment', async (request) => {
    const user = await requirePermission(ctx, request, 'agents:command');
    const { id } = validate(idParams, request.params, 'path');
    const body = validate(allowEnrolmentInput, request.body ?? {}, 'allow enrolment');
    await allowMachineReenrolment(ctx.db, id, body.reason, actorOf(user, request));
    return { allowed: true };
  });

  app.get('/api/v1/agents/enrollment-secrets', async (request) => {
    await requirePermission(ctx, request, 'settings:write');
    return { items: await enrollmentSecrets(ctx.db) };
  });

  app.post('/api/v1/agents/enrollment-secrets', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const body = validate(enrollmentSecretInput, request.body, 'enrolment secret');
    const created = await createEnrollmentSecret(ctx.db, body, actorOf(user, request));
    return reply.code(201).send(created);
  });

  app.delete('/api/v1/agents/enrollment-secrets/:id', async (request) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const { id } = validate(idParams, request.params, 'path');
    await revokeSecret(ctx.db, id, actorOf(user, request));
    return { revoked: true };
  });
}
