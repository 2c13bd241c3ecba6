import type { PersonalTokenInput, PersonalTokenView } from '@steward/shared';
import type { Database } from '../store/database.js';
import { deletePersonalToken, insertSession, listPersonalTokens, type PersonalTokenRow, type UserRow } from '../store/users.js';
import { recordAudit } from './audit.js';
import { ApiProblem } from './errors.js';
import { hashToken, newToken } from './tokens.js';

function tokenView(row: PersonalTokenRow): PersonalTokenView {
  return {
    id: row.id, label: row.label, createdAt: new Date(row.created_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}

/**
 * Refuses work that makes lasting access (tokens, enrolment secrets, administrators) when the
 * request came with a personal token: such access would outlive the token that made it.
 */
export function requireSignedInSession(user: UserRow, what: string): void {
  if (user.token_label) throw new ApiProblem(403, 'sign_in_required', `authorization: ${what} are made from a signed-in session, not with a personal token`);
}

/**
 * Makes a personal API token, shown once. Only a sign-in session may: a token that could make
 * tokens would let whoever holds it stay in for good.
 */
export async function createPersonalToken(db: Database, user: UserRow, input: Required<PersonalTokenInput>, sourceIp?: string): Promise<PersonalTokenView & { token: string }> {
  requireSignedInSession(user, 'personal tokens');
  const token = newToken('stp');
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const id = await db.transaction(async (tx) => {
    const made = await insertSession(tx, hashToken(token), user.id, expiresAt, input.label);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp, action: 'token.create', objectType: 'personal-token', objectId: made, after: { label: input.label, expiresAt } });
    return made;
  });
  const made = (await listPersonalTokens(db, user.id)).find((t) => t.id === id)!;
  return { ...tokenView(made), token };
}

export async function personalTokens(db: Database, user: UserRow): Promise<PersonalTokenView[]> {
  return (await listPersonalTokens(db, user.id)).map(tokenView);
}

export async function revokePersonalToken(db: Database, user: UserRow, id: string, sourceIp?: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deletePersonalToken(tx, user.id, id))) throw new ApiProblem(404, 'not_found', `you have no token with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp, action: 'token.revoke', objectType: 'personal-token', objectId: id });
  });
}
