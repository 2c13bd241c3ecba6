import type { FastifyRequest } from 'fastify';
import { roleAllows, type Permission } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { ApiProblem } from '../../services/errors.js';
import { requirePermission, requireUser } from '../auth.js';

/** The acting user as services record them. */
export async function actorFor(ctx: CollectorContext, request: FastifyRequest, needed: Permission) {
  const user = await requirePermission(ctx, request, needed);
  return { id: user.id, username: user.username, role: user.role, sourceIp: request.ip };
}

/** The user, refused unless their role grants one of the permissions. */
export async function requireAnyPermission(ctx: CollectorContext, request: FastifyRequest, ...any: Permission[]) {
  const user = await requireUser(ctx, request);
  if (!any.some((p) => roleAllows(user.role, p))) throw new ApiProblem(403, 'forbidden', `your role (${user.role}) allows none of ${any.join(', ')}`);
  return { id: user.id, username: user.username, role: user.role, sourceIp: request.ip };
}
