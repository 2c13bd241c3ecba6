import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userInput, userUpdate } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { addUser, changeUser, listUserViews, unlockAccount, auditActor } from '../services/users.js';
import { requireSignedInSession } from '../services/personal-tokens.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { validate } from './validate.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['auth'];

/** Users and their roles; passwords are write-only. */
export function userRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/users', apiDoc({ tags, summary: 'Users with their roles (passwords are never answered)' }), async (request) => {
    await requirePermission(ctx, request, 'users:manage');
    return { items: await listUserViews(ctx.db) };
  });

  app.post('/api/v1/users', apiDoc({ tags, summary: 'Add a user with a role and a first password', body: userInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    const body = validate(userInput, request.body, 'user');
    if (body.role === 'admin') requireSignedInSession(user, 'administrators');
    return reply.code(201).send(await addUser(ctx.db, { user, sourceIp: request.ip }, body));
  });

  app.patch('/api/v1/users/:id', apiDoc({ tags, summary: 'Change a user\'s role, name, password, or disable them (signs them out)', params: idParams, body: userUpdate }), async (request) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    const { id } = validate(idParams, request.params, 'path');
    const body = validate(userUpdate, request.body, 'user');
    if (body.role === 'admin') requireSignedInSession(user, 'administrators');
    return changeUser(ctx.db, { user, sourceIp: request.ip }, id, body);
  });

  app.post('/api/v1/users/:id/unlock', apiDoc({ tags, summary: 'Lift a sign-in lock and forget the failed attempts', params: idParams }), async (request) => {
    const user = await requirePermission(ctx, request, 'users:manage');
    const { id } = validate(idParams, request.params, 'path');
    return { unlocked: await unlockAccount(ctx.db, auditActor({ user, sourceIp: request.ip }), { id }) };
  });
}
