import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { serviceTokenCreated, serviceTokenRecord } from '@steward/shared';
import type { z } from 'zod';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { hashToken, newToken } from '../services/tokens.js';
import type { Database } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import {
  insertServiceToken, listServiceTokens, revokeServiceToken, useServiceToken, type ServiceScope, type ServiceTokenRow,
} from '../store/alerts/service-tokens.js';

/** Service tokens are told apart from session tokens by this prefix. */
export const SERVICE_TOKEN_PREFIX = 'sst';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function serviceTokenView(t: ServiceTokenRow): z.infer<typeof serviceTokenRecord> {
  return { id: t.id, name: t.name, scopes: t.scopes, createdBy: t.created_by, createdAt: iso(t.created_at)!, lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at) };
}

export async function createServiceToken(db: Database, user: UserRow, name: string, scopes: ServiceScope[]): Promise<z.infer<typeof serviceTokenCreated>> {
  const token = newToken(SERVICE_TOKEN_PREFIX);
  const row = await db.transaction(async (tx) => {
    const made = await insertServiceToken(tx, { id: randomUUID(), name, tokenHash: hashToken(token), scopes, createdBy: user.username });
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'service-token.create', objectType: 'service-token', objectId: made.id, after: { name, scopes } });
    return made;
  });
  return { ...serviceTokenView(row), token };
}

export async function revokeToken(db: Database, user: UserRow, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await revokeServiceToken(tx, id))) throw new ApiProblem(404, 'not_found', `no live service token with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'service-token.revoke', objectType: 'service-token', objectId: id });
  });
}

export async function listTokens(db: Database) {
  return { items: (await listServiceTokens(db)).map(serviceTokenView) };
}

/** The bearer token of a request when it is a service token, else undefined. */
export function serviceBearer(request: FastifyRequest): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return token?.startsWith(`${SERVICE_TOKEN_PREFIX}_`) ? token : undefined;
}

/** Checks a service token for a scope; 401 when it is not a live token, 403 when it lacks the scope. */
export async function requireServiceScope(db: Database, token: string, scope: ServiceScope): Promise<ServiceTokenRow> {
  const row = await useServiceToken(db, hashToken(token));
  if (!row) throw new ApiProblem(401, 'session_expired', 'authorization: the service token is not valid or was revoked');
  if (!row.scopes.includes(scope)) throw new ApiProblem(403, 'forbidden', `this service token does not allow ${scope}`);
  return row;
}
