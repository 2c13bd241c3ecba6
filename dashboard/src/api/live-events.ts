import { eventsControlMessage, liveEvent, type LiveEvent } from '@steward/shared';
import { reconnectDelay } from './reconnect-delay.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** What views hear: an event, or "you may have missed events, read again" after a reconnection. */
export type LiveSignal = { kind: 'event'; event: LiveEvent } | { kind: 'resync' };

export interface LiveState {
  status: LiveStatus;
  /** When the next attempt starts, while reconnecting. */
  retryAt: number | null;
}

export interface LiveEventsOptions {
  url: string;
  token: () => string | null;
  /** The collector refused the token: the app checks the session before trying again. */
  onAuthRejected: () => void;
  /** How long to wait for `ready` after sending the token. */
  handshakeTimeoutMs?: number;
}

/** The dashboard's end of `/api/v1/events`: authenticates, fans out events, reconnects with jittered backoff. */
export class LiveEvents {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private everReady = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private handshakeTimer: ReturnType<typeof setTimeout> | null = null;
  private state: LiveState = { status: 'stopped', retryAt: null };
  private readonly signalListeners = new Set<(signal: LiveSignal) => void>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();
  /** The browser says the network is back: no reason to sit out the rest of the backoff. */
  private readonly reconnectNow = () => {
    if (this.retryTimer) this.scheduleRetry(0);
  };

  constructor(private readonly options: LiveEventsOptions) {}

  start(): void {
    if (this.state.status !== 'stopped') return;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    window.removeEventListener('online', this.reconnectNow);
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'signed out');
    this.everReady = false;
    this.attempt = 0;
    this.setState({ status: 'stopped', retryAt: null });
  }

  get current(): LiveState {
    return this.state;
  }

  subscribe(listener: (signal: LiveSignal) => void): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  watch(listener: (state: LiveState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private connect(): void {
    const token = this.options.token();
    if (!token) return this.stop();
    this.clearTimers();
    this.setState({ status: this.state.status === 'stopped' ? 'connecting' : this.state.status, retryAt: null });
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'auth', token }));
      this.handshakeTimer = setTimeout(() => socket.close(4000, 'no ready'), this.options.handshakeTimeoutMs ?? 10_000);
    };
    socket.onmessage = (message) => this.receive(socket, message.data);
    socket.onclose = () => this.lost(socket);
  }

  private receive(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(data);
    } catch {
      return;
    }
    const control = eventsControlMessage.safeParse(parsedJson);
    if (control.success) return control.data.type === 'ready' ? this.ready() : this.refused(socket);
    const event = liveEvent.safeParse(parsedJson);
    // Unknown event types come from newer collectors: ignoring them keeps older dashboards working.
    if (event.success) this.emit({ kind: 'event', event: event.data });
  }

  private ready(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
    // Any earlier failure or lost connection means events may have gone by unseen.
    const missedEvents = this.everReady || this.attempt > 0;
    this.everReady = true;
    this.attempt = 0;
    this.setState({ status: 'live', retryAt: null });
    if (missedEvents) this.emit({ kind: 'resync' });
  }

  private refused(socket: WebSocket): void {
    socket.close(4001, 'refused');
    this.options.onAuthRejected();
  }

  private lost(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.socket = null;
    if (this.state.status === 'stopped') return;
    this.scheduleRetry(reconnectDelay(this.attempt++));
  }

  private scheduleRetry(delayMs: number): void {
    this.clearTimers();
    this.retryTimer = setTimeout(() => this.connect(), delayMs);
    this.setState({ status: 'reconnecting', retryAt: Date.now() + delayMs });
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.retryTimer = null;
    this.handshakeTimer = null;
  }

  private setState(next: LiveState): void {
    this.state = next;
    for (const listener of this.stateListeners) listener(next);
  }

  private emit(signal: LiveSignal): void {
    for (const listener of this.signalListeners) listener(signal);
  }
}

/** The events endpoint on the collector that served this page, over wss when the page came over https. */
export function liveEventsUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/events`;
}
