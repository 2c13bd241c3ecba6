import type { Queryable } from './database.js';

import type { Role } from '@steward/shared';

export type { Role };

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  failed_logins?: number;
  locked_until?: Date | null;
  /** Set when the request came with a personal API token rather than a sign-in session. */
  token_label?: string | null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users');
  return rows[0]?.n ?? 0;
}

export async function insertUser(
  db: Queryable,
  user: { id: string; username: string; passwordHash: string; role: Role; displayName?: string },
): Promise<void> {
  await db.query(
    'insert into users (id, username, password_hash, role, display_name) values ($1, $2, $3, $4, $5)',
    [user.id, user.username, user.passwordHash, user.role, user.displayName ?? null],
  );
}

export interface ExternalUserRow extends UserRow {
  display_name: string | null;
}

/** The user a provider's subject belongs to. */
export async function findUserBySubject(db: Queryable, subject: string): Promise<ExternalUserRow | undefined> {
  const { rows } = await db.query<ExternalUserRow>(
    `select id, username, password_hash, role, disabled, display_name from users where auth_source = 'oidc' and external_subject = $1`,
    [subject],
  );
  return rows[0];
}

export async function insertExternalUser(
  db: Queryable,
  user: { id: string; username: string; passwordHash: string; role: Role; displayName?: string; subject: string },
): Promise<void> {
  await db.query(
    `insert into users (id, username, password_hash, role, display_name, auth_source, external_subject) values ($1, $2, $3, $4, $5, 'oidc', $6)`,
    [user.id, user.username, user.passwordHash, user.role, user.displayName ?? null, user.subject],
  );
}

/** What the provider says of a person at each sign-in: their role and name follow it. */
export async function updateExternalUser(db: Queryable, id: string, role: Role, displayName?: string): Promise<void> {
  await db.query('update users set role = $2, display_name = coalesce($3, display_name) where id = $1', [id, role, displayName ?? null]);
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    'select id, username, password_hash, role, disabled, failed_logins, locked_until from users where lower(username) = lower($1)',
    [username],
  );
  return rows[0];
}

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date, label?: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into api_sessions (token_hash, user_id, expires_at, label) values ($1, $2, $3, $4) returning id',
    [tokenHash, userId, expiresAt, label ?? null],
  );
  return rows[0]!.id;
}

export async function findSessionUser(db: Queryable, tokenHash: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow & { last_used_at: Date | null }>(
    `select u.id, u.username, u.password_hash, u.role, u.disabled, s.label as token_label, s.last_used_at
       from api_sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [tokenHash],
  );
  const row = rows[0];
  // A personal token says when it was last used, to the minute: enough to spot a forgotten one, without a write per request.
  if (row?.token_label && (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000)) {
    await db.query('update api_sessions set last_used_at = now() where token_hash = $1', [tokenHash]);
  }
  return row;
}

export interface PersonalTokenRow {
  id: string;
  label: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
}

export async function listPersonalTokens(db: Queryable, userId: string): Promise<PersonalTokenRow[]> {
  const { rows } = await db.query<PersonalTokenRow>(
    'select id, label, created_at, expires_at, last_used_at from api_sessions where user_id = $1 and label is not null and expires_at > now() order by created_at desc',
    [userId],
  );
  return rows;
}

/** Revokes one of the user's own personal tokens; false when there is no such token. */
export async function deletePersonalToken(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from api_sessions where id = $1 and user_id = $2 and label is not null', [id, userId]);
  return rowCount === 1;
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const { rowCount } = await db.query('delete from api_sessions where expires_at <= now()');
  return rowCount;
}

export interface LockoutPolicy {
  /** Failures within the window that lock the account. */
  threshold: number;
  windowMinutes: number;
  /** The first lock's length; each further lock doubles it, up to the cap. */
  lockMinutes: number;
  maxLockMinutes: number;
  /** A lock that ended this long ago no longer counts towards doubling. */
  forgetLocksAfterHours: number;
}

/**
 * Counts a failed login in its window (a failure after the window starts a new count). At the
 * threshold the account is locked, for twice as long as the previous lock when that one was
 * recent, up to the cap, and the count starts again.
 */
export async function recordFailedLogin(db: Queryable, userId: string, policy: LockoutPolicy): Promise<void> {
  await db.query(
    `with counted as (
       select id,
              case when failed_window_started_at is null or failed_window_started_at <= now() - make_interval(mins => $3)
                   then 1 else failed_logins + 1 end as failures,
              case when failed_window_started_at is null or failed_window_started_at <= now() - make_interval(mins => $3)
                   then now() else failed_window_started_at end as window_start,
              case when locked_until is null or locked_until <= now() - make_interval(hours => $6)
                   then 0 else lockouts end as recent_locks
         from users where id = $1
     )
     update users u
        set failed_logins = case when c.failures >= $2 then 0 else c.failures end,
            failed_window_started_at = case when c.failures >= $2 then null else c.window_start end,
            lockouts = case when c.failures >= $2 then c.recent_locks + 1 else c.recent_locks end,
            locked_until = case when c.failures >= $2
                                then now() + make_interval(secs => least($4 * 60 * power(2, least(c.recent_locks, 30)), $5 * 60))
                                else u.locked_until end
       from counted c
      where u.id = c.id`,
    [userId, policy.threshold, policy.windowMinutes, policy.lockMinutes, policy.maxLockMinutes, policy.forgetLocksAfterHours],
  );
}

/** After a good password: the count starts again (an unexpired lock stays: login checks it first). */
export async function clearFailedLogins(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set failed_logins = 0, failed_window_started_at = null, lockouts = 0, locked_until = null where id = $1', [userId]);
}

/** Lifts a lock and forgets the failures and past locks; false when there is no such user. */
export async function unlockUser(db: Queryable, where: { id: string } | { username: string }): Promise<{ id: string; username: string } | undefined> {
  const byId = 'id' in where;
  const { rows } = await db.query<{ id: string; username: string }>(
    `update users set failed_logins = 0, failed_window_started_at = null, lockouts = 0, locked_until = null
      where ${byId ? 'id = $1' : 'lower(username) = lower($1)'} returning id, username`,
    [byId ? where.id : where.username],
  );
  return rows[0];
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from api_sessions where token_hash = $1', [tokenHash]);
}

export interface UserListRow {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  disabled: boolean;
  locked_until: Date | null;
  created_at: Date;
  auth_source: 'local' | 'oidc';
}

const LIST_COLUMNS = 'id, username, display_name, role, disabled, locked_until, created_at, auth_source';

export async function listUsers(db: Queryable): Promise<UserListRow[]> {
  const { rows } = await db.query<UserListRow>(`select ${LIST_COLUMNS} from users order by username`);
  return rows;
}

export async function findUserById(db: Queryable, id: string): Promise<UserListRow | undefined> {
  const { rows } = await db.query<UserListRow>(`select ${LIST_COLUMNS} from users where id = $1`, [id]);
  return rows[0];
}

/** Administrators who can still sign in, so the last of them is never demoted or disabled. */
export async function countActiveAdmins(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and not disabled");
  return rows[0]?.n ?? 0;
}

/** Changes the fields given (undefined leaves a field as it is); a new password also unlocks the account. */
export async function updateUser(
  db: Queryable,
  id: string,
  change: { role?: Role; disabled?: boolean; passwordHash?: string; displayName?: string | null },
): Promise<void> {
  await db.query(
    `update users set role = coalesce($2, role), disabled = coalesce($3, disabled),
            password_hash = coalesce($4, password_hash),
            failed_logins = case when $4::text is null then failed_logins else 0 end,
            failed_window_started_at = case when $4::text is null then failed_window_started_at else null end,
            lockouts = case when $4::text is null then lockouts else 0 end,
            locked_until = case when $4::text is null then locked_until else null end,
            display_name = case when $5 then $6 else display_name end
      where id = $1`,
    [id, change.role ?? null, change.disabled ?? null, change.passwordHash ?? null, change.displayName !== undefined, change.displayName ?? null],
  );
}

/** Signs a user out everywhere, when disabled or given a new password. */
export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from api_sessions where user_id = $1', [userId]);
}

/** Signs a user out of every session but the one given (the one changing the password). */
export async function deleteOtherSessions(db: Queryable, userId: string, keepTokenHash: string): Promise<void> {
  await db.query('delete from api_sessions where user_id = $1 and token_hash <> $2', [userId, keepTokenHash]);
}
