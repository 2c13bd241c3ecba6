import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ssoHandoffRequest, type SignInMethods } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { exchangeSsoHandoff, finishSsoLogin, SSO_CALLBACK_PATH, ssoEnabled, startSsoLogin } from '../services/single-sign-on.js';
import { apiDoc } from './openapi.js';
import { validate } from './validate.js';

const tags = ['auth'];

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Single sign-on through an OpenID Connect provider (authorisation code flow with PKCE). The
 * provider's return lands on the collector, which sends the browser to the dashboard with a
 * one-time handoff in the address fragment (never sent to a server); the dashboard trades it for
 * a session, so no session token ever appears in an address.
 */
export function ssoRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const limited = { config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } } };

  app.get('/api/v1/auth/methods', apiDoc({ tags, summary: 'How people may sign in' }), async (): Promise<SignInMethods> => ({
    password: true, sso: ssoEnabled(ctx.config) ? { name: ctx.config.oidcName } : null,
  }));

  app.get('/api/v1/auth/sso/start', { ...apiDoc({ tags, summary: 'Send the browser to the sign-in provider' }), ...limited }, async (request, reply) => {
    return reply.redirect((await startSsoLogin(ctx, originOf(request))).href, 302);
  });

  app.get(SSO_CALLBACK_PATH, { ...apiDoc({ tags, summary: 'Where the provider sends the browser back' }), ...limited }, async (request, reply) => {
    const url = new URL(request.url, originOf(request));
    try {
      const handoff = await finishSsoLogin(ctx, url, request.ip);
      return reply.redirect(`/#sso=${encodeURIComponent(handoff)}`, 302);
    } catch (error) {
      request.log.warn({ err: (error as Error).message }, 'single sign-on refused');
      return reply.redirect(`/#sso-error=${encodeURIComponent((error as Error).message)}`, 302);
    }
  });

  app.post('/api/v1/auth/sso/exchange', { ...apiDoc({ tags, summary: 'Trade the one-time handoff for a session', body: ssoHandoffRequest }), ...limited }, async (request) => {
    const body = validate(ssoHandoffRequest, request.body, 'body');
    return exchangeSsoHandoff(ctx, body.handoff, request.ip);
  });
}
