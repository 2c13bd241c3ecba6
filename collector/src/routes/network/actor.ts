import type { FastifyRequest } from 'fastify';
import type { NetworkActor } from '../../services/network/actor.js';
import type { UserRow } from '../../store/users.js';

export function actorOf(user: UserRow, request: FastifyRequest): NetworkActor {
  return { username: user.username, role: user.role, sourceIp: request.ip };
}
