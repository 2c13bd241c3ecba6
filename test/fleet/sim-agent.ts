import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  PROTOCOL_VERSION, collectorMessage, inventoryReport, type InventoryContent, type InventoryDeltaInput, type InventoryReportInput, type SoftwareEntry,
} from '@steward/shared';
import { hashInventory } from '../../agent/src/content-hash.js';
import { diffSoftwareLists } from '../../agent/src/inventory-delta.js';
import { backoffDelayMs, retryAfterMs } from '../../agent/src/backoff.js';

/** What a simulated agent counts, summed per process and across the fleet. */
export interface AgentTally {
  enrolled: number;
  fullReports: number;
  deltas: number;
  refused: number;
  failed: number;
  heartbeatsAcked: number;
  ackMs: number[];
  connects: number;
}

export const emptyTally = (): AgentTally => ({ enrolled: 0, fullReports: 0, deltas: 0, refused: 0, failed: 0, heartbeatsAcked: 0, ackMs: [], connects: 0 });

/** Most acknowledgement delays kept per process for percentiles; later ones replace random earlier ones. */
const ACK_SAMPLES = 5000;

/** One simulated agent speaking the real protocol: enrolment, reports, deltas and its channel. */
export class SimulatedAgent {
  private agentId = '';
  private token = '';
  private heartbeatMs = 30_000;
  private reconnectSpreadMs = 0;
  private contentHash: string | undefined;
  private content: InventoryContent;
  private socket: WebSocket | undefined;
  private beatTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private sentAt: number[] = [];
  private attempt = 0;
  private stopped = false;
  private rounds = 0;
  connected = false;

  constructor(
    /** Where the agent sends reports and opens its channel; a load balancer's address works too. */
    public server: string,
    private readonly enrollSecret: string,
    private readonly hostname: string,
    software: SoftwareEntry[],
    private readonly tally: AgentTally,
  ) {
    // Parsed as the collector parses it, so both sides hash the same content.
    const parsed = inventoryReport.parse({
      protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId: randomUUID(), agentVersion: '0.1.0-sim', collectedAt: new Date().toISOString(),
      identity: { hostname, macAddresses: [] },
      hardware: { system: { manufacturer: 'Simulated', model: 'Fleet' }, cpu: { cores: 4, threads: 8 }, memory: { totalBytes: 8 * 2 ** 30, modules: [] }, disks: [], networkInterfaces: [], gpus: [] },
      os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
      software,
    });
    this.content = { identity: parsed.identity, hardware: parsed.hardware, os: parsed.os, software: parsed.software };
  }

  /** The id and token the collector gave at enrolment, for tests that speak for the agent. */
  get credentials(): { agentId: string; token: string } {
    return { agentId: this.agentId, token: this.token };
  }

  async enrol(): Promise<void> {
    const answer = await this.post('/api/v1/agents/enroll', {
      protocol: PROTOCOL_VERSION, secret: this.enrollSecret, hostname: this.hostname, agentVersion: '0.1.0-sim', platform: 'linux',
    }, false);
    const body = answer as { agentId: string; token: string; heartbeatIntervalSeconds: number };
    this.agentId = body.agentId;
    this.token = body.token;
    this.heartbeatMs = body.heartbeatIntervalSeconds * 1000;
    this.tally.enrolled++;
  }

  /** Sends the whole inventory; returns false when the collector asked to come back later. */
  async fullReport(): Promise<boolean> {
    const report: InventoryReportInput = {
      protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId: this.agentId, agentVersion: '0.1.0-sim',
      collectedAt: new Date().toISOString(), ...this.content,
    };
    const answer = await this.post('/api/v1/agents/report', report, true);
    if (!answer) return false;
    this.contentHash = (answer as { contentHash?: string }).contentHash ?? hashInventory(this.content);
    this.tally.fullReports++;
    return true;
  }

  /** Sends a delta of `upgrades` upgraded packages; false when refused (busy) or the collector wants a full report. */
  async delta(upgrade: (software: SoftwareEntry[], round: number) => SoftwareEntry[]): Promise<boolean> {
    if (!this.contentHash) return this.fullReport();
    const next = { ...this.content, software: upgrade(this.content.software, ++this.rounds) };
    const delta: InventoryDeltaInput = {
      protocol: PROTOCOL_VERSION, kind: 'delta', reportId: randomUUID(), agentId: this.agentId, agentVersion: '0.1.0-sim',
      collectedAt: new Date().toISOString(), baseHash: this.contentHash, hash: hashInventory(next),
      software: diffSoftwareLists(this.content.software, next.software),
    };
    const answer = await this.post('/api/v1/agents/report', delta, true);
    if (!answer) return false;
    this.content = next;
    this.contentHash = delta.hash;
    this.tally.deltas++;
    return true;
  }

  /** Opens the channel and keeps it open, reconnecting as the collector asked, until stopped. */
  connect(): void {
    if (this.stopped) return;
    const url = `${this.server.replace(/^http/, 'ws')}/api/v1/agents/ws`;
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${this.token}` } });
    this.socket = socket;
    socket.on('open', () => {
      this.attempt = 0;
      this.connected = true;
      this.tally.connects++;
      // The first beat somewhere in the interval, so a fleet started together does not beat together.
      this.beatTimer = setTimeout(() => this.beatEvery(), Math.random() * this.heartbeatMs);
    });
    socket.on('message', (data) => this.onMessage(String(data)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.connected = false;
      clearTimeout(this.beatTimer);
      if (this.stopped) return;
      const wait = backoffDelayMs(this.attempt++, 500, 30_000) + Math.random() * this.reconnectSpreadMs;
      this.retryTimer = setTimeout(() => this.connect(), wait);
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.beatTimer);
    clearTimeout(this.retryTimer);
    this.socket?.terminate();
  }

  private beatEvery(): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.sentAt.push(Date.now());
    this.socket.send(JSON.stringify({ type: 'heartbeat', sentAt: new Date().toISOString(), uptimeSeconds: Math.round(process.uptime()) }));
    this.beatTimer = setTimeout(() => this.beatEvery(), this.heartbeatMs);
  }

  private onMessage(text: string): void {
    const parsed = collectorMessage.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.type !== 'heartbeat-ack') return;
    const sent = this.sentAt.shift();
    this.tally.heartbeatsAcked++;
    if (sent !== undefined) {
      const ms = Date.now() - sent;
      if (this.tally.ackMs.length < ACK_SAMPLES) this.tally.ackMs.push(ms);
      else this.tally.ackMs[Math.floor(Math.random() * ACK_SAMPLES)] = ms;
    }
    if (parsed.data.reconnectSpreadSeconds !== undefined) this.reconnectSpreadMs = parsed.data.reconnectSpreadSeconds * 1000;
    if (parsed.data.heartbeatIntervalSeconds) this.heartbeatMs = parsed.data.heartbeatIntervalSeconds * 1000;
  }

  /** Posts JSON; a 429 counts as refused and answers undefined, anything else not 2xx throws. */
  private async post(path: string, body: unknown, authenticated: boolean): Promise<unknown> {
    const response = await fetch(`${this.server}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authenticated ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (response.status === 429) {
      this.tally.refused++;
      await response.arrayBuffer();
      this.lastRetryAfterMs = retryAfterMs(response.headers.get('retry-after')) ?? 1000;
      return undefined;
    }
    if (!response.ok) {
      throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    }
    return response.json();
  }

  /** How long the collector last asked this agent to wait. */
  lastRetryAfterMs = 0;
}
