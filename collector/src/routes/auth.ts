import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginRequest, ownPasswordChange, personalTokenInput, roleAllows, type Permission } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../context.js';
import { authenticateUser, changeOwnPassword, login, logout } from '../services/auth.js';
import { ApiProblem } from '../services/errors.js';
import { createPersonalToken, personalTokens, revokePersonalToken } from '../services/personal-tokens.js';
import type { UserRow } from '../store/users.js';
import { validate } from './validate.js';
import { apiDoc } from './openapi.js';

/** The logged-in user of a request; every route except the public ones starts with this. */
export function requireUser(ctx: CollectorContext, request: FastifyRequest): Promise<UserRow> {
  return authenticateUser(ctx.db, request.headers.authorization);
}

/** The logged-in user, refused with 403 unless their role grants the permission. */
export async function requirePermission(ctx: CollectorContext, request: FastifyRequest, needed: Permission): Promise<UserRow> {
  const user = await requireUser(ctx, request);
  if (!roleAllows(user.role, needed)) {
    throw new ApiProblem(403, 'forbidden', `your role (${user.role}) does not allow ${needed}`);
  }
  request.log = request.log.child({ user: user.username });
  return user;
}

export function authRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/auth/login', { ...apiDoc({ tags: ['auth'], summary: 'Log in; returns a bearer token', body: loginRequest }), config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } } }, async (request) => {
    const body = validate(loginRequest, request.body, 'login');
    return login(ctx.db, body.username, body.password, request.ip);
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    await logout(ctx.db, request.headers.authorization, request.ip);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', async (request) => {
    const user = await requireUser(ctx, request);
    return { username: user.username, role: user.role };
  });

  app.post('/api/v1/me/password', apiDoc({ tags: ['auth'], summary: 'Change your own password; your other sessions and tokens end', body: ownPasswordChange }), async (request, reply) => {
    const body = validate(ownPasswordChange, request.body, 'body');
    await changeOwnPassword(ctx.db, request.headers.authorization, body, request.ip);
    return reply.code(204).send();
  });

  app.get('/api/v1/me/tokens', apiDoc({ tags: ['auth'], summary: 'Your personal API tokens (never the tokens themselves)' }), async (request) => {
    return { items: await personalTokens(ctx.db, await requireUser(ctx, request)) };
  });
  app.post('/api/v1/me/tokens', apiDoc({ tags: ['auth'], summary: 'Make a personal API token for your scripts; answered once', body: personalTokenInput }), async (request, reply) => {
    const user = await requireUser(ctx, request);
    const body = validate(personalTokenInput, request.body, 'body');
    return reply.code(201).send(await createPersonalToken(ctx.db, user, body, request.ip));
  });
  app.delete('/api/v1/me/tokens/:id', apiDoc({ tags: ['auth'], summary: 'Revoke one of your personal API tokens' }), async (request, reply) => {
    const user = await requireUser(ctx, request);
    const { id } = validate(z.object({ id: z.uuid() }), request.params, 'path');
    await revokePersonalToken(ctx.db, user, id, request.ip);
    return reply.code(204).send();
  });
}
