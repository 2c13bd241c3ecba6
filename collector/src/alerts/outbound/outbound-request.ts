import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal, hostRefusal, isHostAllowedByName, type OutboundPolicy } from './address-policy.js';

/** A request refused by the outbound policy: it never left the machine. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers larger than this are cut: no helpdesk answer we read is anywhere near it. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Resolves like dns.lookup, then refuses when any address the name resolves to is refused: the
 * check is on the address actually connected to, so a name cannot be re-pointed after a check.
 */
function guardedLookup(policy: OutboundPolicy, allowedByName: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusal = allowedByName ? null : addresses.map((a) => addressRefusal(policy, a.address)).find(Boolean);
      if (refusal) return callback(new OutboundRefused(`${hostname}: ${refusal}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * One outgoing HTTP(S) request under the outbound policy. Redirects are not followed (a redirect
 * could lead where the policy forbids); the caller sees the 3xx.
 */
export function outboundRequest(policy: OutboundPolicy, req: OutboundRequest): Promise<OutboundResponse> {
  const url = new URL(req.url);
  const hostname = url.hostname;
  const refusal = hostRefusal(policy, hostname);
  if (refusal) return Promise.reject(new OutboundRefused(refusal));
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!transport) return Promise.reject(new OutboundRefused(`${url.protocol} is not an allowed scheme`));
  const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: req.method,
      headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...req.headers },
      lookup: guardedLookup(policy, isHostAllowedByName(policy, hostname)),
      timeout: req.timeoutMs ?? 15_000,
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url.host} within ${req.timeoutMs ?? 15_000} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
