import WebSocket from 'ws';
import type { Logger } from 'pino';
import { collectorMessage, type AgentMessage } from '@steward/shared/protocol';
import { backoffDelayMs } from './backoff.js';
import type { AgentState } from './state.js';

/** What the collector may ask for over the channel. */
export interface ChannelRequests {
  collectNow(): void;
  /** Collect and send a full report, whatever the agent believes the collector holds. */
  resync(): void;
}

/**
 * The live WebSocket channel: heartbeats out, "collect now" and "resync" in. It reconnects by
 * itself with jittered backoff; the HTTP report path never depends on it.
 */
export class AgentChannel {
  private socket: WebSocket | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly server: string,
    private readonly state: () => AgentState,
    private readonly log: Logger,
    private readonly requests: ChannelRequests,
    private readonly heartbeatMs = 30_000,
  ) {}

  open(): void {
    if (this.closed) return;
    const url = new URL('api/v1/agents/ws', this.server.endsWith('/') ? this.server : `${this.server}/`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${this.state().token}` }, maxPayload: 64 * 1024 });
    this.socket = socket;
    socket.on('open', () => {
      this.attempt = 0;
      this.log.debug('channel open');
      this.send({ type: 'heartbeat', sentAt: new Date().toISOString(), uptimeSeconds: Math.round(process.uptime()) });
      this.heartbeat = setInterval(
        () => this.send({ type: 'heartbeat', sentAt: new Date().toISOString(), uptimeSeconds: Math.round(process.uptime()) }),
        this.heartbeatMs,
      );
    });
    socket.on('message', (data) => {
      const parsed = collectorMessage.safeParse(safeJson(String(data)));
      if (!parsed.success) return;
      if (parsed.data.type === 'collect-now') this.requests.collectNow();
      if (parsed.data.type === 'resync') {
        this.log.info({ reason: parsed.data.reason }, 'collector asks for a full report');
        this.requests.resync();
      }
    });
    socket.on('error', (error) => this.log.debug({ err: error.message }, 'channel error'));
    socket.on('close', () => {
      clearInterval(this.heartbeat);
      if (this.closed) return;
      const wait = backoffDelayMs(this.attempt++, 1000, 120_000);
      this.reconnect = setTimeout(() => this.open(), wait);
    });
  }

  send(message: AgentMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnect);
    this.socket?.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
