import { randomBytes, randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import type { LoginAnswer, Role } from '@steward/shared';
import type { CollectorConfig } from '../config.js';
import type { CollectorContext } from '../context.js';
import { dropSsoLogin, findWaitingSsoLogin, insertSsoLogin, setSsoHandoff, takeSsoHandoff } from '../store/sso-logins.js';
import { findUserById, findUserBySubject, findUserByName, insertExternalUser, updateExternalUser } from '../store/users.js';
import { recordAudit } from './audit.js';
import { hashPassword, openSession } from './auth.js';
import { ApiProblem } from './errors.js';
import { hashToken, newToken } from './tokens.js';

/** How long a person has at the provider, and how long the dashboard has to pick up the session. */
const LOGIN_MINUTES = 10;
const HANDOFF_SECONDS = 60;
/** Strongest first: a person in several mapped groups gets the strongest role among them. */
const ROLE_STRENGTH: readonly Role[] = ['admin', 'itadmin', 'compliance', 'auditor', 'helpdesk'];

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';

const providers = new WeakMap<CollectorContext, Promise<oidc.Configuration>>();

export function ssoEnabled(config: CollectorConfig): boolean {
  return Boolean(config.oidcIssuer && config.oidcClientId);
}

/** The provider's metadata, fetched once per collector (again after a failure). */
function provider(ctx: CollectorContext): Promise<oidc.Configuration> {
  let found = providers.get(ctx);
  if (!found) {
    const { oidcIssuer, oidcClientId, oidcClientSecret } = ctx.config;
    const issuer = new URL(oidcIssuer!);
    // Plain HTTP only for a provider on this machine (a test or development one); anything else must be HTTPS.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    found = oidc.discovery(issuer, oidcClientId!, oidcClientSecret, oidcClientSecret ? oidc.ClientSecretPost(oidcClientSecret) : oidc.None(), loopback ? { execute: [oidc.allowInsecureRequests] } : undefined);
    found.catch(() => providers.delete(ctx));
    providers.set(ctx, found);
  }
  return found;
}

/** Starts a sign-in: remembers its state, nonce and PKCE verifier, and answers where to send the browser. */
export async function startSsoLogin(ctx: CollectorContext, origin: string): Promise<URL> {
  if (!ssoEnabled(ctx.config)) throw new ApiProblem(404, 'not_found', 'single sign-on is not configured');
  const config = await provider(ctx).catch((error: Error) => {
    throw new ApiProblem(502, 'sso_provider_unreachable', `the sign-in provider did not answer: ${error.message}`);
  });
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectUri = `${(ctx.config.publicUrl ?? origin).replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`;
  await insertSsoLogin(ctx.db, { state, nonce, code_verifier: codeVerifier, redirect_uri: redirectUri, expiresAt: new Date(Date.now() + LOGIN_MINUTES * 60_000) });
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: 'openid profile email', state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
  });
}

/** The role the provider's groups give, else the default role, else none (the person is refused). */
export function roleFromClaims(config: CollectorConfig, claims: Record<string, unknown>): Role | undefined {
  const raw = claims[config.oidcRoleClaim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  const granted = new Set(groups.map((g) => config.oidcRoles[g]).filter((r): r is Role => Boolean(r)));
  return ROLE_STRENGTH.find((r) => granted.has(r)) ?? config.oidcDefaultRole;
}

/**
 * Finishes a sign-in when the provider sends the browser back: checks state, nonce and PKCE through
 * the code exchange, finds or makes the user, and answers a one-time handoff for the dashboard.
 */
export async function finishSsoLogin(ctx: CollectorContext, callbackUrl: URL, sourceIp?: string): Promise<string> {
  const state = callbackUrl.searchParams.get('state') ?? '';
  const waiting = state ? await findWaitingSsoLogin(ctx.db, state) : undefined;
  if (!waiting) {
    await ctx.db.transaction((tx) => recordAudit(tx, { actor: 'sso', sourceIp, action: 'auth.sso.failed', after: { reason: 'unknown or expired state' } }));
    throw new ApiProblem(400, 'sso_state_unknown', 'state: this sign-in is unknown or has expired; start again');
  }
  try {
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw new ApiProblem(401, 'sso_refused', `the provider refused the sign-in: ${callbackUrl.searchParams.get('error_description') ?? providerError}`);
    // The browser came back to the address the provider was given, whichever collector answers.
    const answered = new URL(`${waiting.redirect_uri}${callbackUrl.search}`);
    const tokens = await oidc.authorizationCodeGrant(await provider(ctx), answered, {
      expectedState: waiting.state, expectedNonce: waiting.nonce, pkceCodeVerifier: waiting.code_verifier, idTokenExpected: true,
    }).catch((error: Error) => {
      throw new ApiProblem(401, 'sso_invalid', `the provider's answer does not hold: ${innermostMessage(error)}`);
    });
    const claims = tokens.claims()!;
    const userId = await signedInUser(ctx, claims as unknown as Record<string, unknown>, sourceIp);
    const handoff = newToken('sth');
    if (!(await setSsoHandoff(ctx.db, waiting.state, hashToken(handoff), userId, new Date(Date.now() + HANDOFF_SECONDS * 1000)))) {
      throw new ApiProblem(400, 'sso_state_unknown', 'state: this sign-in was already used; start again');
    }
    return handoff;
  } catch (error) {
    await dropSsoLogin(ctx.db, waiting.state);
    await ctx.db.transaction((tx) => recordAudit(tx, { actor: 'sso', sourceIp, action: 'auth.sso.failed', after: { reason: (error as Error).message } }));
    throw error;
  }
}

/** The Steward user of a provider identity, made on first sign-in; its role follows the groups each time. */
async function signedInUser(ctx: CollectorContext, claims: Record<string, unknown>, sourceIp?: string): Promise<string> {
  const subject = String(claims.sub);
  const username = String(claims.preferred_username ?? claims.email ?? subject).slice(0, 128);
  const displayName = typeof claims.name === 'string' ? claims.name.slice(0, 256) : undefined;
  const role = roleFromClaims(ctx.config, claims);
  if (!role) throw new ApiProblem(403, 'sso_no_role', `${username} is in none of the groups that give a Steward role`);
  return ctx.db.transaction(async (tx) => {
    const known = await findUserBySubject(tx, subject);
    if (known?.disabled) throw new ApiProblem(403, 'sso_disabled', `${known.username} is disabled in Steward`);
    if (known) {
      await updateExternalUser(tx, known.id, role, displayName);
      if (known.role !== role) await recordAudit(tx, { actor: 'sso', sourceIp, action: 'user.role.sso', objectType: 'user', objectId: known.id, before: { role: known.role }, after: { role } });
      return known.id;
    }
    // A local account of the same name is not taken over: the provider may let people pick names.
    if (await findUserByName(tx, username)) throw new ApiProblem(409, 'sso_name_taken', `a Steward account named ${username} already signs in with a password`);
    const id = randomUUID();
    // A password nobody knows: the account signs in through the provider unless an administrator sets one.
    await insertExternalUser(tx, { id, username, passwordHash: await hashPassword(randomBytes(32).toString('hex')), role, displayName, subject });
    await recordAudit(tx, { actor: 'sso', sourceIp, action: 'user.create', objectType: 'user', objectId: id, after: { username, role, source: 'oidc' } });
    return id;
  });
}

/** Trades the one-time handoff for a session, once and within a minute. */
export async function exchangeSsoHandoff(ctx: CollectorContext, handoff: string, sourceIp?: string): Promise<LoginAnswer> {
  return ctx.db.transaction(async (tx) => {
    const userId = await takeSsoHandoff(tx, hashToken(handoff));
    const user = userId ? await findUserById(tx, userId) : undefined;
    if (!user || user.disabled) throw new ApiProblem(401, 'sso_handoff_invalid', 'handoff: not valid, already used or expired; sign in again');
    return openSession(tx, user, sourceIp, 'auth.login.sso');
  });
}

/** The library wraps the check that failed ("unexpected ID Token \"nonce\" claim value") in a general error. */
function innermostMessage(error: Error): string {
  let found = error;
  while (found.cause instanceof Error) found = found.cause;
  return found.message;
}
