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
 * The live WebSocket channel: heartbeats out, "collect now" and "resync" in. Heartbeats follow the
 * interval the collector sends with each acknowledgement. It reconnects by itself with jittered
 * backoff, spread as widely as the collector asked; the HTTP report path never depends on it.
 */
export class AgentChannel {
  private socket: WebSocket | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  private reconnectSpreadMs = 0;

  constructor(
    private readonly server: string,
    private readonly state: () => AgentState,
    private readonly log: Logger,
    private readonly requests: ChannelRequests,
    private heartbeatMs = 30_000,
    private readonly random = Math.random,
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
      this.beat();
      this.scheduleHeartbeats();
    });
    socket.on('message', (data) => {
      const parsed = collectorMessage.safeParse(safeJson(String(data)));
      if (!parsed.success) return;
      if (parsed.data.type === 'heartbeat-ack') this.followCollector(parsed.data);
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
      // The collector's crowd estimate spreads a restart's reconnections; backoff handles one that stays down.
      const wait = backoffDelayMs(this.attempt++, 1000, 120_000) + Math.round(this.random() * this.reconnectSpreadMs);
      this.reconnect = setTimeout(() => this.open(), wait);
    });
  }

  /** The interval heartbeats are sent at now: the collector's last word, else the one given at construction. */
  get heartbeatIntervalMs(): number {
    return this.heartbeatMs;
  }

  private beat(): void {
    this.send({ type: 'heartbeat', sentAt: new Date().toISOString(), uptimeSeconds: Math.round(process.uptime()) });
  }

  private scheduleHeartbeats(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
  }

  private followCollector(ack: { heartbeatIntervalSeconds?: number; reconnectSpreadSeconds?: number }): void {
    if (ack.reconnectSpreadSeconds !== undefined) this.reconnectSpreadMs = ack.reconnectSpreadSeconds * 1000;
    const asked = ack.heartbeatIntervalSeconds ? ack.heartbeatIntervalSeconds * 1000 : undefined;
    if (asked && asked !== this.heartbeatMs) {
      this.heartbeatMs = asked;
      this.log.info({ heartbeatIntervalSeconds: ack.heartbeatIntervalSeconds }, 'heartbeat interval set by the collector');
      this.scheduleHeartbeats();
    }
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
