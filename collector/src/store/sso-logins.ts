import type { Queryable } from './database.js';

export interface SsoLoginRow {
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
}

/** A sign-in sent to the provider, waiting for the browser to come back with its state. */
export async function insertSsoLogin(db: Queryable, login: SsoLoginRow & { expiresAt: Date }): Promise<void> {
  await db.query('delete from sso_logins where expires_at < now()');
  await db.query(
    'insert into sso_logins (state, nonce, code_verifier, redirect_uri, expires_at) values ($1, $2, $3, $4, $5)',
    [login.state, login.nonce, login.code_verifier, login.redirect_uri, login.expiresAt],
  );
}

/** The sign-in a state names, while it is still waiting for the provider's answer. */
export async function findWaitingSsoLogin(db: Queryable, state: string): Promise<SsoLoginRow | undefined> {
  const { rows } = await db.query<SsoLoginRow>(
    'select state, nonce, code_verifier, redirect_uri from sso_logins where state = $1 and handoff_hash is null and expires_at > now()',
    [state],
  );
  return rows[0];
}

/** Marks the sign-in done and hands its user to the dashboard once; false when it was already used. */
export async function setSsoHandoff(db: Queryable, state: string, handoffHash: string, userId: string, expiresAt: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'update sso_logins set handoff_hash = $2, handoff_user_id = $3, expires_at = $4 where state = $1 and handoff_hash is null',
    [state, handoffHash, userId, expiresAt],
  );
  return rowCount === 1;
}

export async function dropSsoLogin(db: Queryable, state: string): Promise<void> {
  await db.query('delete from sso_logins where state = $1', [state]);
}

/** The user a handoff names, taken once: the row goes with it. */
export async function takeSsoHandoff(db: Queryable, handoffHash: string): Promise<string | undefined> {
  const { rows } = await db.query<{ handoff_user_id: string }>(
    'delete from sso_logins where handoff_hash = $1 and expires_at > now() returning handoff_user_id',
    [handoffHash],
  );
  return rows[0]?.handoff_user_id;
}
