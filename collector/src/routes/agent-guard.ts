import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyRequest, onRequestAsyncHookHandler, preParsingAsyncHookHandler } from 'fastify';
import type { CollectorContext } from '../context.js';
import { authenticateAgent } from '../services/enrolment.js';
import { ApiProblem } from '../services/errors.js';
import { FailureWindow } from '../services/failure-window.js';
import type { AgentRow } from '../store/agents.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The agent whose token the request carried, known before its body is read. */
    agent: AgentRow | null;
  }
}

/**
 * Authenticates an agent request on its headers alone, so a stranger's body is never read:
 * the body stream is only opened by fastify after every onRequest hook has passed. Addresses that
 * keep failing are refused with 429 before the token is even looked up.
 */
export function agentAuthentication(ctx: CollectorContext): onRequestAsyncHookHandler {
  const failures = new FailureWindow(ctx.config.agentAuthFailuresPerMinute, 60_000);
  return async (request: FastifyRequest) => {
    const wait = failures.blockedFor(request.ip);
    if (wait > 0) {
      throw new ApiProblem(429, 'too_many_agent_failures', 'authorization: too many refused agent requests from this address', undefined, { 'retry-after': String(wait) });
    }
    try {
      request.agent = await authenticateAgent(ctx.db, request.headers.authorization);
    } catch (error) {
      if (error instanceof ApiProblem && (error.statusCode === 401 || error.statusCode === 403)) failures.fail(request.ip);
      // Refused before the body is read: closing the connection spares reading the rest of it.
      if (error instanceof ApiProblem && hasBody(request)) request.raw.headers.connection = 'close';
      throw error;
    }
  };
}

function hasBody(request: FastifyRequest): boolean {
  return Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}

/** Counts the bytes that came over the wire, refusing more than `limit`. */
class WireLimit extends Transform {
  receivedEncodedLength = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.receivedEncodedLength += chunk.length;
    if (this.receivedEncodedLength > this.limit) {
      done(new ApiProblem(413, 'FST_ERR_CTP_BODY_TOO_LARGE', `body: larger than the ${this.limit} bytes this endpoint accepts (send large inventories gzip-compressed)`));
      return;
    }
    done(null, chunk);
  }
}

/**
 * Report bodies: at most `wireLimit` bytes as sent, gzip accepted (Content-Encoding: gzip), and
 * the inflated body bounded by the route's bodyLimit, which fastify applies to what this returns.
 */
export function agentBody(wireLimit: number): preParsingAsyncHookHandler {
  return async (request, _reply, payload) => {
    const declared = Number(request.headers['content-length']);
    if (declared > wireLimit) {
      throw new ApiProblem(413, 'FST_ERR_CTP_BODY_TOO_LARGE', `body: larger than the ${wireLimit} bytes this endpoint accepts (send large inventories gzip-compressed)`);
    }
    const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const counted = payload.pipe(new WireLimit(wireLimit));
    payload.on('error', (error) => counted.destroy(error));
    if (encoding === 'identity') return counted;
    if (encoding !== 'gzip') {
      throw new ApiProblem(415, 'unsupported_content_encoding', 'content-encoding: only gzip or identity are accepted');
    }
    const inflated = counted.pipe(createGunzip());
    counted.on('error', (error) => inflated.destroy(error));
    // fastify compares Content-Length with the bytes received, which are the compressed ones.
    Object.defineProperty(inflated, 'receivedEncodedLength', { get: () => counted.receivedEncodedLength });
    inflated.on('error', () => undefined);
    return inflated;
  };
}
