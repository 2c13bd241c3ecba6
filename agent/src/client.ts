import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION, RESYNC_REQUIRED, enrollAnswer, reportAnswer, type ReportAnswer } from '@steward/shared/protocol';
import type { AgentConfig } from './config.js';
import { readAgentState, saveAgentState, type AgentState } from './state.js';
import { retryAfterMs } from './backoff.js';
import { AGENT_VERSION } from './version.js';

export type SendOutcome =
  | { kind: 'stored'; answer: ReportAnswer }
  /** The collector could not take it now (down, overloaded): try again later. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** The collector does not hold what the delta was made against: a full report is needed. */
  | { kind: 'resync'; reason: string }
  /** The collector refused the report itself: sending it again would not help. */
  | { kind: 'rejected'; status: number; reason: string }
  | { kind: 'unauthorized'; reason: string };

function errorCode(text: string): unknown {
  try {
    return (JSON.parse(text) as { error?: unknown }).error;
  } catch {
    return undefined;
  }
}

const gzipped = promisify(gzip);
/** Reports above this size travel gzip-compressed: the collector caps what it reads off the wire. */
const COMPRESS_ABOVE_BYTES = 32 * 1024;

/** The report as it goes on the wire, compressed when that matters. */
export async function reportRequestBody(body: string): Promise<{ body: string | Buffer; headers: Record<string, string> }> {
  if (Buffer.byteLength(body) <= COMPRESS_ABOVE_BYTES) return { body, headers: {} };
  return { body: await gzipped(body), headers: { 'content-encoding': 'gzip' } };
}

function endpoint(server: string, route: string): string {
  return new URL(route, server.endsWith('/') ? server : `${server}/`).toString();
}

/** The agent's side of the HTTP channel: enrolment and report delivery. */
export class CollectorClient {
  constructor(private readonly config: AgentConfig, private readonly log: Logger) {}

  /** This agent's identity, enrolling first when it has none (or when `force` asks for a new one). */
  async identity(hostname: string, hardwareUuid: string | undefined, force = false): Promise<AgentState> {
    const saved = readAgentState(this.config.stateDir);
    if (saved && !force && saved.server === this.config.server) return saved;
    if (!this.config.enrollSecret) {
      throw new Error('this agent is not enrolled and no enrolment secret is configured (STEWARD_ENROLL_SECRET)');
    }
    const response = await fetch(endpoint(this.config.server, 'api/v1/agents/enroll'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        secret: this.config.enrollSecret,
        hostname,
        hardwareUuid,
        agentVersion: AGENT_VERSION,
        platform: process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : process.platform === 'linux' ? 'linux' : 'other',
      }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`enrolment refused: ${response.status} ${await response.text()}`);
    const answer = enrollAnswer.parse(await response.json());
    const state: AgentState = { agentId: answer.agentId, token: answer.token, server: this.config.server };
    saveAgentState(this.config.stateDir, state);
    this.log.info({ agentId: state.agentId }, 'enrolled');
    return state;
  }

  async sendReport(state: AgentState, body: string): Promise<SendOutcome> {
    let response: Response;
    const wire = await reportRequestBody(body);
    try {
      response = await fetch(endpoint(this.config.server, 'api/v1/agents/report'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${state.token}`, ...wire.headers },
        body: wire.body,
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      return { kind: 'retry', reason: (error as Error).message };
    }
    const text = await response.text();
    if (response.ok) return { kind: 'stored', answer: reportAnswer.parse(JSON.parse(text)) };
    if (response.status === 401 || response.status === 403) return { kind: 'unauthorized', reason: text };
    if (response.status === 409 && errorCode(text) === RESYNC_REQUIRED) return { kind: 'resync', reason: text };
    if (response.status === 429 || response.status >= 500) {
      return { kind: 'retry', reason: `${response.status} ${text}`, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
    }
    return { kind: 'rejected', status: response.status, reason: text };
  }
}
