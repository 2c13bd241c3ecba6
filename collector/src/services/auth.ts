import { randomUUID, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { LoginAnswer, OwnPasswordChange } from '@steward/shared';
import type { Database, Queryable } from '../store/database.js';
import {
  clearFailedLogins, countUsers, deleteOtherSessions, deleteSession, findSessionUser, findUserByName, insertSession, insertUser, recordFailedLogin,
  updateUser, type LockoutPolicy, type Role, type UserRow,
} from '../store/users.js';
import { recordAudit } from './audit.js';
import { ApiProblem } from './errors.js';
import { hashToken, newToken } from './tokens.js';
import { endSessionSockets } from './dashboard-sessions.js';

const SESSION_HOURS = 12;
/**
 * Failed logins within the window that lock an account; the lock doubles each time it recurs
 * within a day, up to the cap. An administrator lifts it (API or `steward users unlock NAME`).
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const LOCKOUT_POLICY: LockoutPolicy = {
  threshold: LOCKOUT_THRESHOLD, windowMinutes: 15, lockMinutes: LOCKOUT_MINUTES, maxLockMinutes: 4 * 60, forgetLocksAfterHours: 24,
};

/** A hash to verify against when the user does not exist, so timing does not tell which names exist. */
let decoyHash: Promise<string> | undefined;

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to Argon2id with OWASP's recommended memory and time costs.
  return hash(password);
}

export async function createUser(db: Database, username: string, password: string, role: Role): Promise<string> {
  const id = randomUUID();
  await insertUser(db, { id, username, passwordHash: await hashPassword(password), role });
  return id;
}

/** Creates the first administrator when there is no user at all; returns the password when it chose one. */
export async function ensureAdmin(db: Database, configuredPassword?: string): Promise<{ created: boolean; password?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  await createUser(db, 'admin', password, 'admin');
  return { created: true, password };
}

/**
 * Checks a password and opens a session. Every attempt is audited; repeated failures lock the
 * account for a while, and a locked account answers like a wrong password so it reveals nothing.
 */
export async function login(db: Database, username: string, password: string, sourceIp?: string): Promise<LoginAnswer> {
  const user = await findUserByName(db, username);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verify(user?.password_hash ?? (await decoyHash), password).catch(() => false);
  const locked = !!user?.locked_until && new Date(user.locked_until) > new Date();
  if (!user || !ok || user.disabled || locked) {
    await db.transaction(async (tx) => {
      if (user && !locked) await recordFailedLogin(tx, user.id, LOCKOUT_POLICY);
      await recordAudit(tx, { actor: username, sourceIp, action: locked ? 'auth.login.locked' : 'auth.login.failed' });
    });
    throw new ApiProblem(401, 'bad_credentials', 'username or password is not valid');
  }
  return db.transaction(async (tx) => {
    await clearFailedLogins(tx, user.id);
    return openSession(tx, user, sourceIp, 'auth.login');
  });
}

/** A new session for a user whose identity was just proven, audited as `action`. */
export async function openSession(tx: Queryable, user: Pick<UserRow, 'id' | 'username' | 'role'>, sourceIp: string | undefined, action: string): Promise<LoginAnswer> {
  const token = newToken('sts');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await insertSession(tx, hashToken(token), user.id, expiresAt);
  await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp, action });
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function authenticateUser(db: Database, authorization: string | undefined): Promise<UserRow> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new ApiProblem(401, 'not_authenticated', 'authorization: log in first (Bearer token)');
  const user = await authenticateToken(db, token);
  if (!user) throw new ApiProblem(401, 'session_expired', 'authorization: the session is not valid or has expired');
  return user;
}

export async function authenticateToken(db: Database, token: string): Promise<UserRow | undefined> {
  return findSessionUser(db, hashToken(token));
}

/** Ends the session behind a bearer token; an unknown token ends nothing and says nothing. */
export async function logout(db: Database, authorization: string | undefined, sourceIp?: string): Promise<void> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return;
  const user = await authenticateToken(db, token);
  if (!user) return;
  await db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp, action: 'auth.logout' });
  });
  endSessionSockets(hashToken(token));
}

/**
 * A person's change of their own password: the current one must match; every other session and
 * personal token of theirs ends, this one goes on; the audit log records it.
 */
export async function changeOwnPassword(db: Database, authorization: string | undefined, change: OwnPasswordChange, sourceIp?: string): Promise<void> {
  const user = await authenticateUser(db, authorization);
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')![1]!;
  if (!(await verify(user.password_hash, change.currentPassword).catch(() => false))) {
    throw new ApiProblem(400, 'wrong_password', 'currentPassword: is not your current password', ['currentPassword: is not your current password']);
  }
  const passwordHash = await hashPassword(change.newPassword);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteOtherSessions(tx, user.id, hashToken(token));
    await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp, action: 'user.password.change', objectType: 'user', objectId: user.id });
  });
}
