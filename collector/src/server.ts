import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { CollectorContext } from './context.js';
import { ApiProblem, problemOfDatabaseError } from './services/errors.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './store/database.js';
import { refuseUnstorableText } from './routes/validate.js';
import { sha256Hex } from './services/tokens.js';
import type { TlsFiles } from './services/tls.js';
import { agentRoutes } from './routes/agents.js';
import { auditRoutes } from './routes/audit.js';
import { backupRoutes } from './routes/backups.js';
import { userRoutes } from './routes/users.js';
import { agentAdminRoutes } from './routes/agent-admin.js';
import { openApiRoutes } from './routes/openapi.js';
import { authRoutes } from './routes/auth.js';
import { ssoRoutes } from './routes/sso.js';
import { dashboardRoutes, findDashboardDir } from './routes/dashboard.js';
import { deviceRoutes } from './routes/devices.js';
import { searchRoutes } from './routes/search.js';
import { deviceIdentityRoutes } from './routes/device-identity.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { registerRoutes } from './routes/register/index.js';
import { reconcileRoutes } from './routes/reconcile/index.js';
import { networkRoutes } from './routes/network/index.js';
import { alertsAreaRoutes } from './routes/alerts/index.js';
import { certificateRoutes } from './routes/certificates.js';
import { sshRoutes } from './routes/ssh.js';
import { domainRoutes } from './routes/domains.js';
import { addressSpaceRoutes } from './routes/address-space.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 of the raw JSON body, which makes a replayed report recognisable. */
    bodySha256: string;
    /** False when the JSON text has no escape that could yield NUL or a lone surrogate, so the body needs no walk for them. */
    bodyMayHoldUnstorable?: boolean;
    agentId: string;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

/** JSON bodies are decoded strictly: invalid UTF-8 is refused, never silently replaced. */
function parseJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.bodySha256 = sha256Hex(raw);
    let text: string;
    try {
      text = strictUtf8.decode(raw);
    } catch {
      return done(new ApiProblem(400, 'invalid_utf8', 'body: not valid UTF-8'), undefined);
    }
    // Strictly decoded UTF-8 holds no surrogate and JSON strings no raw NUL: only escapes can bring them.
    request.bodyMayHoldUnstorable = UNSTORABLE_ESCAPE.test(text);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new ApiProblem(400, 'invalid_json', `body: not valid JSON (${(error as Error).message})`), undefined);
    }
  });
}

function sendProblem(reply: FastifyReply, problem: ApiProblem) {
  if (problem.headers) reply.headers(problem.headers);
  return reply.code(problem.statusCode).send({ error: problem.code, message: problem.message, issues: problem.issues });
}

function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiProblem | DatabaseUnavailableError, request, reply) => {
    if (error instanceof ApiProblem) return sendProblem(reply, error);
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error.message }, 'database unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'database_unavailable', message: 'the database is not reachable; try again shortly' });
    }
    const refused = problemOfDatabaseError(error);
    if (refused) {
      request.log.warn({ err: error.message, code: (error as { code?: string }).code }, 'input refused by the database');
      return sendProblem(reply, refused);
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `body: larger than the ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes this endpoint accepts` : error.message;
      return reply.code(status).send({ error: (error as FastifyError).code ?? 'bad_request', message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'the collector could not complete this request' });
  });
}

/**
 * Each request is logged below info: on a terminal at the default level the start banner and real
 * events stay readable, and a log at debug (the data folder's log file) still has every request.
 * Failed requests are logged as before.
 */
class RequestsAtDebug extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildServer(ctx: CollectorContext, tls?: TlsFiles): Promise<FastifyInstance> {
  // One instance type for HTTP and HTTPS: the routes never need to know which it is.
  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    // pino's Logger is what fastify wraps; its type only differs from fastify's in optional extras.
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    logController: new RequestsAtDebug(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  app.decorateRequest('bodySha256', '');
  app.decorateRequest('agentId', '');
  app.decorateRequest('agent', null);
  parseJsonBody(app);
  answerErrors(app);
  // One check for every route, before its own schema: text no column can hold is refused by name.
  app.addHook('preValidation', async (request) => refuseUnstorableText(request));
  // API answers carry tokens, secrets and the estate's data: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The dashboard is served from this origin only; its live channel is a same-origin WebSocket.
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        // Over plain HTTP, upgrading the page's own requests to HTTPS would leave a blank page.
        'upgrade-insecure-requests': tls ? [] : null,
      },
    },
    // Only a collector serving TLS itself can promise HTTPS; behind plain HTTP the header is ignored or wrong.
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // Agents are bounded by the ingest gate instead: many of them can share one NAT address.
    // Strangers on these routes are turned away per address by the agent guard (routes/agent-guard.ts).
    allowList: (request) => request.url.startsWith('/api/v1/agents/report') || request.url.startsWith('/api/v1/agents/ws'),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await openApiRoutes(app);
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  ssoRoutes(app, ctx);
  deviceRoutes(app, ctx);
  searchRoutes(app, ctx);
  deviceIdentityRoutes(app, ctx);
  agentRoutes(app, ctx);
  eventRoutes(app, ctx);
  registerRoutes(app, ctx);
  reconcileRoutes(app, ctx);
  networkRoutes(app, ctx);
  certificateRoutes(app, ctx);
  sshRoutes(app, ctx);
  domainRoutes(app, ctx);
  addressSpaceRoutes(app, ctx);
  alertsAreaRoutes(app, ctx);
  auditRoutes(app, ctx);
  backupRoutes(app, ctx);
  userRoutes(app, ctx);
  agentAdminRoutes(app, ctx);
  await dashboardRoutes(app, findDashboardDir(ctx.config.dashboardDir));
  return app;
}
