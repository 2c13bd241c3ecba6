import type { AlertSeverity } from '@steward/shared';
import { outboundRequest, type OutboundResponse } from '../alerts/outbound/outbound-request.js';
import type { OutboundPolicy } from '../alerts/outbound/address-policy.js';

/** What a ticket says, whichever helpdesk it goes to. */
export interface TicketContent {
  title: string;
  description: string;
  severity: AlertSeverity;
  /** Our own reference (alert or finding id), kept on the ticket where the helpdesk has a field for it. */
  reference: string;
}

export interface OpenedTicket {
  externalId: string;
  /** The number people use (INC0010001, OPS-12, #20031), when it differs from the id. */
  externalKey: string | null;
  url: string | null;
}

/** One helpdesk, as the alert engine uses it. */
export interface HelpdeskConnector {
  open(content: TicketContent): Promise<OpenedTicket>;
  comment(externalId: string, text: string): Promise<void>;
  close(externalId: string, note: string): Promise<void>;
}

/** The helpdesk answered, but not as it does when the request succeeded. */
export class HelpdeskError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'HelpdeskError';
  }
}

export interface HttpClient {
  send(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<OutboundResponse>;
}

/** JSON requests under the outbound policy. */
export function jsonClient(policy: OutboundPolicy, timeoutMs = 15_000): HttpClient {
  return {
    send(method, url, headers, body) {
      return outboundRequest(policy, {
        method, url, timeoutMs,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

/** The parsed JSON answer when the status is one of `expected`, else a HelpdeskError naming what went wrong. */
export function answerOf<T>(response: OutboundResponse, expected: number[], what: string): T {
  if (!expected.includes(response.status)) {
    throw new HelpdeskError(response.status, `${what}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
  }
  if (!response.body) return undefined as T;
  try {
    return JSON.parse(response.body) as T;
  } catch {
    throw new HelpdeskError(response.status, `${what}: the answer is not JSON`);
  }
}

export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
