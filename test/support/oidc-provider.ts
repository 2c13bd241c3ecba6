import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** Who signs in at the provider next, and what the provider says of them. */
export interface ProviderUser {
  sub: string;
  preferred_username?: string;
  name?: string;
  email?: string;
  groups?: string[];
}

export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The person the next authorisation request signs in as. */
  user: ProviderUser;
  /** Refuse the next sign-ins with this OAuth error, as when the person declines. */
  refuseWith: string | null;
  /** Put another nonce in the ID tokens than the one asked for: what a replayed token looks like. */
  wrongNonce: boolean;
  /** What the provider found wrong in Steward's requests against the specification; tests expect none. */
  problems: string[];
  close(): Promise<void>;
}

interface IssuedCode {
  user: ProviderUser;
  nonce: string;
  redirectUri: string;
  challenge: string;
  used: boolean;
}

/**
 * An OpenID Connect provider on 127.0.0.1 standing in for Entra ID, Okta or Keycloak: discovery,
 * the authorisation endpoint (which signs in `user` at once), the token endpoint with PKCE (S256)
 * and client_secret_post, and RS256-signed ID tokens checked against its JWKS.
 */
export async function startOidcProvider(): Promise<OidcProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  const provider: OidcProvider = {
    issuer: '', clientId: 'steward', clientSecret: 'steward-client-secret', user: { sub: 'nobody' },
    refuseWith: null, wrongNonce: false, problems: [], close: async () => undefined,
  };
  const check = (ok: unknown, problem: string) => {
    if (!ok) {
      provider.problems.push(problem);
      throw new Error(problem);
    }
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      void answer(request, new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
        .then(({ status, body, location }) => {
          response.writeHead(status, { ...(location ? { location } : {}), ...(body ? { 'content-type': 'application/json' } : {}) });
          response.end(body ? JSON.stringify(body) : '');
        })
        .catch((error: Error) => {
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: 'invalid_request', error_description: error.message }));
        });
    });
  });

  async function answer(request: http.IncomingMessage, form: URLSearchParams): Promise<{ status: number; body?: unknown; location?: string }> {
    const url = new URL(request.url ?? '/', provider.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return { status: 200, body: {
        issuer: provider.issuer, authorization_endpoint: `${provider.issuer}/authorize`, token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'], scopes_supported: ['openid', 'profile', 'email'],
      } };
    }
    if (url.pathname === '/jwks') return { status: 200, body: { keys: [jwk] } };
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      check(q.get('client_id') === provider.clientId, 'authorize: unknown client_id');
      check(q.get('response_type') === 'code', 'authorize: response_type must be code');
      check(q.get('scope')?.split(' ').includes('openid'), 'authorize: scope must include openid');
      check(q.get('code_challenge_method') === 'S256' && q.get('code_challenge'), 'authorize: PKCE S256 challenge missing');
      check(q.get('state') && q.get('nonce'), 'authorize: state and nonce are required');
      const back = new URL(redirectUri);
      back.searchParams.set('state', q.get('state')!);
      if (provider.refuseWith) {
        back.searchParams.set('error', provider.refuseWith);
        back.searchParams.set('error_description', 'The user declined');
      } else {
        const code = randomBytes(16).toString('base64url');
        codes.set(code, { user: { ...provider.user }, nonce: q.get('nonce')!, redirectUri, challenge: q.get('code_challenge')!, used: false });
        back.searchParams.set('code', code);
      }
      return { status: 302, location: back.href };
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      check(form.get('grant_type') === 'authorization_code', 'token: grant_type must be authorization_code');
      check(form.get('client_id') === provider.clientId && form.get('client_secret') === provider.clientSecret, 'token: client authentication failed');
      const issued = codes.get(form.get('code') ?? '');
      if (!issued || issued.used) return { status: 400, body: { error: 'invalid_grant', error_description: 'code unknown or already used' } };
      issued.used = true;
      check(form.get('redirect_uri') === issued.redirectUri, 'token: redirect_uri differs from the authorisation request');
      const verifier = form.get('code_verifier') ?? '';
      check(createHash('sha256').update(verifier).digest('base64url') === issued.challenge, 'token: code_verifier does not match the challenge');
      const { sub, ...claims } = issued.user;
      const idToken = await new SignJWT({ ...claims, nonce: provider.wrongNonce ? 'another-nonce' : issued.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
        .setIssuer(provider.issuer).setAudience(provider.clientId).setSubject(sub)
        .setIssuedAt().setExpirationTime('5m').sign(privateKey);
      return { status: 200, body: { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken } };
    }
    return { status: 404, body: { error: 'not_found' } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  provider.close = () => new Promise<undefined>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve(undefined));
  });
  return provider;
}
