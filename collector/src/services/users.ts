import { randomBytes, randomUUID } from 'node:crypto';
import type { UserInput, UserUpdate, UserView } from '@steward/shared';
import type { Database, Queryable } from '../store/database.js';
import {
  countActiveAdmins, deleteUserSessions, findUserById, insertUser, listUsers, unlockUser, updateUser, type UserListRow, type UserRow,
} from '../store/users.js';
import { recordAudit } from './audit.js';
import { hashPassword } from './auth.js';
import { ApiProblem } from './errors.js';

/** Who changes the users, for the audit trail. */
export interface UserActor {
  user: UserRow;
  sourceIp?: string;
}

function toView(row: UserListRow): UserView {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, disabled: row.disabled,
    lockedUntil: row.locked_until && new Date(row.locked_until) > new Date() ? new Date(row.locked_until).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(), signIn: row.auth_source === 'oidc' ? 'sso' : 'password',
  };
}

/** What the audit keeps of a user: never the password hash. */
function auditView(row: UserListRow) {
  return { username: row.username, displayName: row.display_name, role: row.role, disabled: row.disabled };
}

export function auditActor(actor: UserActor) {
  return { actor: actor.user.username, actorRole: actor.user.role, sourceIp: actor.sourceIp };
}

export async function listUserViews(db: Queryable): Promise<UserView[]> {
  return (await listUsers(db)).map(toView);
}

export async function addUser(db: Database, actor: UserActor, input: UserInput): Promise<UserView> {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await insertUser(tx, { id, username: input.username, passwordHash, role: input.role, displayName: input.displayName });
      const row = (await findUserById(tx, id))!;
      await recordAudit(tx, { ...auditActor(actor), action: 'user.create', objectType: 'user', objectId: id, after: auditView(row) });
      return toView(row);
    });
  } catch (error) {
    if ((error as { code?: string })?.code === '23505') throw new ApiProblem(409, 'username_taken', `username: ${input.username} is already taken`);
    throw error;
  }
}

/**
 * Changes a user's role, state, name or password. Nobody demotes or disables themselves, and the
 * last administrator who can sign in stays one, so the estate is never left without an administrator.
 */
export async function changeUser(db: Database, actor: UserActor, id: string, change: UserUpdate): Promise<UserView> {
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no user ${id}`);
    const demoted = change.role !== undefined && change.role !== 'admin';
    if (id === actor.user.id && (demoted || change.disabled)) {
      throw new ApiProblem(409, 'own_account', `${demoted ? 'role' : 'disabled'}: you cannot demote or disable your own account`);
    }
    if (before.role === 'admin' && !before.disabled && (demoted || change.disabled) && (await countActiveAdmins(tx)) <= 1) {
      throw new ApiProblem(409, 'last_admin', `${demoted ? 'role' : 'disabled'}: ${before.username} is the last active administrator`);
    }
    await updateUser(tx, id, { role: change.role, disabled: change.disabled, passwordHash, displayName: change.displayName });
    if (change.disabled || passwordHash) await deleteUserSessions(tx, id);
    const after = (await findUserById(tx, id))!;
    const action = passwordHash && Object.keys(change).length === 1 ? 'user.password' : 'user.update';
    await recordAudit(tx, { ...auditActor(actor), action, objectType: 'user', objectId: id, before: auditView(before), after: auditView(after) });
    return toView(after);
  });
}

/**
 * Lifts a sign-in lock. Run by an administrator through the API, or from the collector's host
 * (`steward users unlock NAME`, actor `cli`), which works even when every administrator is locked.
 */
export async function unlockAccount(
  db: Database, actor: { actor: string; actorRole?: UserRow['role']; sourceIp?: string }, who: { id: string } | { username: string },
): Promise<{ id: string; username: string }> {
  return db.transaction(async (tx) => {
    const unlocked = await unlockUser(tx, who);
    if (!unlocked) throw new ApiProblem(404, 'not_found', `no user ${'id' in who ? who.id : who.username}`);
    await recordAudit(tx, { ...actor, action: 'user.unlock', objectType: 'user', objectId: unlocked.id, after: { username: unlocked.username } });
    return unlocked;
  });
}

/**
 * Gives a user a new random password from the server's own console, for a lost one: the account is
 * unlocked, signed out everywhere, and the audit log names the console as the actor. The password
 * is answered once and kept nowhere.
 */
export async function resetPasswordFromConsole(db: Database, username: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const found = (await listUsers(tx)).find((row) => row.username.toLowerCase() === username.toLowerCase());
    if (!found) throw new ApiProblem(404, 'not_found', `no user named ${username}`);
    if (found.auth_source === 'oidc') throw new ApiProblem(409, 'single_sign_on', `${username} signs in through single sign-on and has no password here`);
    await updateUser(tx, found.id, { passwordHash });
    await unlockUser(tx, { id: found.id });
    await deleteUserSessions(tx, found.id);
    const after = (await findUserById(tx, found.id))!;
    await recordAudit(tx, { actor: 'console', action: 'user.password.reset', objectType: 'user', objectId: found.id, before: auditView(found), after: auditView(after) });
  });
  return password;
}
