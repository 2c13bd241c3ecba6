import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAnswer, signInMethods } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { startOidcProvider, type OidcProvider } from '../../support/oidc-provider.js';

/**
 * Single sign-on against an OpenID Connect provider on 127.0.0.1: the browser's redirects are
 * followed by hand, so each step (state, nonce, PKCE, the handoff) can be replayed or spoiled.
 */
describe.each(CONTRACT_BACKENDS)('single sign-on on %s', (backend) => {
  let idp: OidcProvider;
  let c: TestCollector;

  beforeAll(async () => {
    idp = await startOidcProvider();
    c = await startTestCollector(backend, {
      oidcIssuer: idp.issuer, oidcClientId: idp.clientId, oidcClientSecret: idp.clientSecret, oidcName: 'Contoso SSO',
      oidcRoles: 'steward-admins=admin,it-staff=itadmin,auditors=auditor',
    });
  });
  afterAll(async () => {
    await c?.stop();
    await idp?.close();
    expect(idp.problems).toEqual([]);
  });

  const location = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status, await response.clone().text()).toBe(302);
    return new URL(response.headers.get('location')!, c.url);
  };
  /** The browser's trip: Steward → provider → Steward's callback; answers the callback address and where it sent the browser. */
  async function throughProvider(): Promise<{ callback: URL; landing: URL }> {
    const atProvider = await location(`${c.url}/api/v1/auth/sso/start`);
    expect(atProvider.origin).toBe(idp.issuer);
    const callback = await location(atProvider.href);
    return { callback, landing: await location(callback.href) };
  }
  const fragment = (landing: URL) => new URLSearchParams(landing.hash.slice(1));
  const exchange = (handoff: string) => fetch(`${c.url}/api/v1/auth/sso/exchange`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handoff }),
  });
  async function signIn(): Promise<{ token: string; me: { username: string; role: string } }> {
    const { landing } = await throughProvider();
    const handoff = fragment(landing).get('sso');
    expect(handoff, landing.hash).toBeTruthy();
    const { token } = loginAnswer.parse(await (await exchange(handoff!)).json());
    const me = await (await fetch(`${c.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    return { token, me };
  }
  const userCount = async (username: string) =>
    (await c.database.db.query<{ n: number }>('select count(*)::int as n from users where username = $1', [username])).rows[0]!.n;

  it('offers the provider by name on the sign-in screen', async () => {
    const methods = signInMethods.parse(await (await fetch(`${c.url}/api/v1/auth/methods`)).json());
    expect(methods).toEqual({ password: true, sso: { name: 'Contoso SSO' } });
  });

  it('makes the user on first sign-in with the strongest role their groups give, and follows the groups after', async () => {
    idp.user = { sub: 'entra-0001', preferred_username: 'dana', name: 'Dana Scully', groups: ['auditors', 'it-staff', 'marketing'] };
    const first = await signIn();
    expect(first.me).toEqual({ username: 'dana', role: 'itadmin' });
    idp.user = { ...idp.user, groups: ['auditors'] };
    const second = await signIn();
    expect(second.me).toEqual({ username: 'dana', role: 'auditor' });
    expect(await userCount('dana')).toBe(1);
    const { rows } = await c.database.db.query<{ action: string }>(
      "select action from audit_log where action in ('user.create', 'auth.login.sso', 'user.role.sso') and (actor = 'dana' or actor = 'sso') order by id");
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'auth.login.sso', 'user.role.sso', 'auth.login.sso']);
    // The account has no password anyone knows.
    const local = await fetch(`${c.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dana', password: 'anything-at-all-1' }) });
    expect(local.status).toBe(401);
  });

  it('refuses a person in none of the mapped groups, and makes no account', async () => {
    idp.user = { sub: 'entra-0002', preferred_username: 'mallory', groups: ['marketing'] };
    const { landing } = await throughProvider();
    expect(fragment(landing).get('sso-error')).toBe('mallory is in none of the groups that give a Steward role');
    expect(await userCount('mallory')).toBe(0);
  });

  it('uses a sign-in and its handoff once', async () => {
    idp.user = { sub: 'entra-0001', preferred_username: 'dana', groups: ['it-staff'] };
    const { callback, landing } = await throughProvider();
    const again = await location(callback.href);
    expect(fragment(again).get('sso-error')).toMatch(/unknown or has expired/);
    const handoff = fragment(landing).get('sso')!;
    expect((await exchange(handoff)).status).toBe(200);
    const replay = await exchange(handoff);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('handoff');
    expect((await exchange('sth_made-up')).status).toBe(401);
  });

  it('refuses an ID token that carries another nonce, a declined sign-in and an unknown state', async () => {
    idp.user = { sub: 'entra-0001', preferred_username: 'dana', groups: ['it-staff'] };
    idp.wrongNonce = true;
    try {
      const { landing } = await throughProvider();
      expect(fragment(landing).get('sso-error')).toMatch(/^the provider's answer does not hold: .*nonce/);
    } finally {
      idp.wrongNonce = false;
    }
    idp.refuseWith = 'access_denied';
    try {
      const { landing } = await throughProvider();
      expect(fragment(landing).get('sso-error')).toBe('the provider refused the sign-in: The user declined');
    } finally {
      idp.refuseWith = null;
    }
    const forged = await location(`${c.url}/api/v1/auth/sso/callback?code=abc&state=forged`);
    expect(fragment(forged).get('sso-error')).toMatch(/^state: /);
  });

  it('does not take over a local account of the same name, and refuses a disabled one', async () => {
    await createUser(c.database.db, 'ivan', 'local-password-77', 'helpdesk');
    idp.user = { sub: 'entra-0003', preferred_username: 'ivan', groups: ['steward-admins'] };
    const { landing } = await throughProvider();
    expect(fragment(landing).get('sso-error')).toBe('a Steward account named ivan already signs in with a password');
    const { rows } = await c.database.db.query<{ role: string }>("select role from users where username = 'ivan'");
    expect(rows[0]!.role).toBe('helpdesk');

    idp.user = { sub: 'entra-0001', preferred_username: 'dana', groups: ['it-staff'] };
    await c.database.db.query("update users set disabled = true where username = 'dana'");
    const refused = await throughProvider();
    expect(fragment(refused.landing).get('sso-error')).toBe('dana is disabled in Steward');
    const failures = await c.database.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'auth.sso.failed'");
    expect(failures.rows[0]!.n).toBeGreaterThanOrEqual(5);
  });
});

describe('without single sign-on', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector();
  });
  afterAll(async () => c?.stop());

  it('offers passwords only and has no sign-in to start', async () => {
    expect(signInMethods.parse(await (await fetch(`${c.url}/api/v1/auth/methods`)).json())).toEqual({ password: true, sso: null });
    expect((await fetch(`${c.url}/api/v1/auth/sso/start`, { redirect: 'manual' })).status).toBe(404);
  });
});
