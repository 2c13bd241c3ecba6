import type { Logger } from 'pino';
import type { Database } from '../store/database.js';
import { recordDisconnections, recordPresence, type PresenceBeat } from '../store/agents.js';

export interface PresenceSettings {
  heartbeatIntervalSeconds: number;
  /** How often the batch is written; the dashboard's "online" lags by at most this. */
  flushMs: number;
  /** Most agents written by one statement. */
  maxBatch: number;
}

interface Pending {
  beat: PresenceBeat;
  /** Acknowledgements waiting for this agent's beat to be stored. */
  acks: Array<() => void>;
}

/**
 * Agents' presence held in memory and written in batches, one statement per batch, so a heartbeat
 * costs a map update rather than two writes. A heartbeat is acknowledged once it is stored; a batch
 * the database refuses (pool busy, failover) stays pending and is written with the next one, never dropped.
 */
export class PresenceBuffer {
  private pending = new Map<string, Pending>();
  private gone = new Map<string, Date>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private stopping = false;
  /** Heartbeats received, statements written and batches that failed, for the bench and metrics. */
  readonly counts = { beats: 0, statements: 0, failures: 0 };

  constructor(private readonly db: Database, private readonly log: Logger, private readonly settings: PresenceSettings) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.settings.flushMs);
    this.timer.unref();
  }

  /** Records a heartbeat; `ack` runs once it is in the database. */
  beat(agentId: string, seen: { at: Date; address?: string; clockSkewSeconds?: number; uptimeSeconds?: number }, ack: () => void): void {
    this.counts.beats++;
    // Online until two intervals after this beat: one beat lost on the way does not flap the agent offline.
    const onlineUntil = new Date(seen.at.getTime() + 2 * this.settings.heartbeatIntervalSeconds * 1000 + this.settings.flushMs);
    const beat: PresenceBeat = {
      agentId, at: seen.at, onlineUntil, address: seen.address ?? null,
      clockSkewSeconds: seen.clockSkewSeconds ?? null, uptimeSeconds: seen.uptimeSeconds ?? null,
    };
    const held = this.pending.get(agentId);
    if (held) {
      held.beat = mergeBeats(held.beat, beat);
      held.acks.push(ack);
    } else {
      this.pending.set(agentId, { beat, acks: [ack] });
    }
  }

  /** The agent's channel closed: it shows offline from now, unless it beats again (here or elsewhere). */
  disconnected(agentId: string, at = new Date()): void {
    if (!this.stopping) this.gone.set(agentId, at);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Writes what is pending; concurrent callers share the write in progress. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0 && this.gone.size === 0) return;
    this.flushing = this.writeAll().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  /** A collector shutting down keeps its agents online (they reconnect elsewhere) and writes what it holds. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.gone.clear();
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  private async writeAll(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, this.settings.maxBatch);
      for (const item of batch) this.pending.delete(item.beat.agentId);
      try {
        this.counts.statements++;
        await recordPresence(this.db, batch.map((item) => item.beat));
      } catch (error) {
        this.counts.failures++;
        this.requeue(batch);
        this.log.warn({ err: (error as Error).message, agents: batch.length }, 'heartbeats kept for the next batch');
        return;
      }
      for (const item of batch) for (const ack of item.acks) ack();
    }
    await this.writeDisconnections();
  }

  private async writeDisconnections(): Promise<void> {
    if (this.gone.size === 0) return;
    const gone = [...this.gone].map(([agentId, at]) => ({ agentId, at }));
    this.gone.clear();
    try {
      this.counts.statements++;
      await recordDisconnections(this.db, gone);
    } catch (error) {
      this.counts.failures++;
      for (const g of gone) if (!this.gone.has(g.agentId)) this.gone.set(g.agentId, g.at);
      this.log.warn({ err: (error as Error).message, agents: gone.length }, 'disconnections kept for the next batch');
    }
  }

  private requeue(batch: Pending[]): void {
    for (const item of batch) {
      const newer = this.pending.get(item.beat.agentId);
      this.pending.set(item.beat.agentId, newer
        ? { beat: mergeBeats(item.beat, newer.beat), acks: [...item.acks, ...newer.acks] }
        : item);
    }
  }
}

/** The later beat wins; fields it lacks keep the earlier beat's values. */
function mergeBeats(a: PresenceBeat, b: PresenceBeat): PresenceBeat {
  const [early, late] = a.at <= b.at ? [a, b] : [b, a];
  return {
    agentId: late.agentId, at: late.at,
    onlineUntil: early.onlineUntil > late.onlineUntil ? early.onlineUntil : late.onlineUntil,
    address: late.address ?? early.address,
    clockSkewSeconds: late.clockSkewSeconds ?? early.clockSkewSeconds,
    uptimeSeconds: late.uptimeSeconds ?? early.uptimeSeconds,
  };
}
