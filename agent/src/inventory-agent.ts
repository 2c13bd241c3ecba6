import os from 'node:os';
import type { Logger } from 'pino';
import type { InventoryContent, InventoryDelta, InventoryReport, ReportAnswer } from '@steward/shared/protocol';
import type { AgentConfig } from './config.js';
import type { CollectorClient } from './client.js';
import { hashInventory } from './content-hash.js';
import { deliverSpool, type DeliveryHooks } from './delivery.js';
import { applyInventoryChanges, diffInventory, volatileChanges } from './inventory-delta.js';
import { InventorySnapshots, type InventorySnapshot } from './inventory-snapshots.js';
import { contentOf, deltaReport, fullReport } from './report.js';
import { InventorySources } from './sources.js';
import { boundSpool } from './spool-bound.js';
import { ReportSpool, type SpoolItem } from './spool.js';
import type { AgentState } from './state.js';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 100) / 10;
};

/**
 * One agent's inventory cycle and what it keeps between cycles: the sources (re-read only when
 * their evidence moved), the spool of reports waiting for the collector, and the two snapshots
 * deltas are computed between. The first report is full; each later one carries only what changed
 * since the content the previous report led to.
 */
export class InventoryAgent {
  readonly spool: ReportSpool;
  private readonly snapshots: InventorySnapshots;
  private readonly sources: InventorySources;
  private fullWanted = false;
  private current: { content: InventoryContent; hash: string } | undefined;

  constructor(
    private readonly config: AgentConfig,
    private readonly log: Logger,
    private readonly client: CollectorClient,
    public state: AgentState,
    private readonly reenrolment: () => Promise<AgentState>,
  ) {
    this.spool = new ReportSpool(config.stateDir);
    this.snapshots = new InventorySnapshots(config.stateDir);
    this.sources = new InventorySources({
      extraSoftwareFile: config.extraSoftwareFile,
      fullCheckSeconds: config.fullCheckSeconds,
      onExtraSoftwareProblem: (message) => log.warn(message),
    });
  }

  /** The next collection sends a full report, and cached readings are not trusted. */
  requestFullReport(): void {
    this.fullWanted = true;
    this.sources.cache.clear();
  }

  /**
   * This cycle's inventory. When no source had to be read again, it is the last one with its
   * volatile fields brought up to date: nothing to validate, hash or compare.
   */
  private async currentInventory(): Promise<{ content: InventoryContent; hash: string }> {
    const parts = await this.sources.collect();
    const uptimeSeconds = Math.round(os.uptime());
    if (this.sources.cache.lastRead.length === 0 && this.current) {
      const { content, hash } = this.current;
      return { content: { ...content, os: { ...content.os, uptimeSeconds } }, hash };
    }
    const content = contentOf(parts);
    content.os.uptimeSeconds = uptimeSeconds;
    this.current = { content, hash: hashInventory(content) };
    return this.current;
  }

  /** Collects the inventory and spools a report of it: full the first time, a delta after. */
  async collect(): Promise<SpoolItem> {
    const started = process.cpuUsage();
    const { content, hash } = await this.currentInventory();
    const collectedAt = new Date().toISOString();
    const latest = this.snapshots.latest();
    let item: SpoolItem;
    if (!latest || this.fullWanted) {
      const report = fullReport(this.state.agentId, content, collectedAt);
      item = this.spoolReport('full', report);
      this.fullWanted = false;
    } else {
      const changes = hash === latest.hash ? volatileChanges(latest.content, content) : diffInventory(latest.content, content);
      const report = deltaReport(this.state.agentId, latest.hash, hash, changes, collectedAt);
      item = this.spoolReport(hash === latest.hash ? 'still' : 'delta', report);
    }
    if (!latest || hash !== latest.hash) this.snapshots.setLatest({ hash, content, collectedAt });
    const folded = boundSpool(this.spool, this.config.spoolMaxBytes, { acked: this.snapshots.acked(), latest: this.snapshots.latest() }, this.state.agentId);
    if (folded.folded) this.log.warn({ folded: folded.folded, replayed: folded.replayed }, 'spool full: oldest reports folded into one full report');
    this.log.info({ kind: item.kind, bytes: item.bytes, read: this.sources.cache.lastRead, cpuMs: cpuMs(started), software: content.software.length }, 'collected');
    return item;
  }

  /**
   * Spools a report. Unchanged-cycle deltas still waiting are dropped: they carry nothing but
   * volatile fields and the time of a cycle, which the newer report carries too, so a long outage
   * of unchanged cycles leaves one report in the spool, not one per cycle.
   */
  private spoolReport(kind: SpoolItem['kind'], report: InventoryReport | InventoryDelta): SpoolItem {
    const superseded = this.spool.pending().filter((waiting) => waiting.kind === 'still');
    const item = this.spool.add(kind, report.reportId, JSON.stringify(report));
    for (const waiting of superseded) this.spool.remove(waiting.name);
    return item;
  }

  /** Replaces everything spooled with one full report of the latest inventory. */
  resync(reason: string): void {
    const latest = this.snapshots.latest();
    const pending = this.spool.pending();
    this.snapshots.setAcked(undefined);
    if (!latest) {
      this.fullWanted = true;
      for (const item of pending) this.spool.remove(item.name);
      return;
    }
    const report = fullReport(this.state.agentId, latest.content, latest.collectedAt);
    const position = pending.at(-1)?.position;
    const item = position === undefined ? this.spool.add('full', report.reportId, JSON.stringify(report))
      : this.spool.write(position, 'full', report.reportId, JSON.stringify(report));
    for (const old of pending) this.spool.remove(old.name);
    this.log.info({ reason, replaced: pending.length, bytes: item.bytes }, 'spool replaced by a full report');
  }

  /** Records what the collector now holds after storing a report. */
  private stored(item: SpoolItem, body: string, answer: ReportAnswer): void {
    const report = JSON.parse(body) as InventoryReport | InventoryDelta;
    const after = this.contentAfter(report);
    const expected = report.kind === 'delta' ? report.hash : after!.hash;
    if (answer.contentHash !== expected) {
      this.snapshots.setAcked(undefined);
      // A full report the collector did not take as it is (an older one, say) is not sent again in a loop.
      if (report.kind === 'delta') this.resync(`the collector holds ${answer.contentHash ?? 'no content hash'} after ${item.name}`);
      else this.log.warn({ reportId: report.reportId, contentHash: answer.contentHash }, 'collector holds other content than this full report');
      return;
    }
    const latest = this.snapshots.latest();
    const acked = after ?? (latest?.hash === expected ? latest : undefined);
    if (acked?.hash !== this.snapshots.acked()?.hash) this.snapshots.setAcked(acked);
  }

  /** The inventory a spooled report leads to, when it can be told. */
  private contentAfter(report: InventoryReport | InventoryDelta): InventorySnapshot | undefined {
    if (report.kind === 'full') {
      const content: InventoryContent = { identity: report.identity, hardware: report.hardware, os: report.os, software: report.software };
      return { hash: hashInventory(content), content, collectedAt: report.collectedAt };
    }
    const acked = this.snapshots.acked();
    if (!acked || acked.hash !== report.baseHash) return undefined;
    if (report.hash === report.baseHash) return acked;
    return { hash: report.hash, content: applyInventoryChanges(acked.content, report), collectedAt: report.collectedAt };
  }

  private hooks(): DeliveryHooks {
    return {
      stored: (item, body, answer) => this.stored(item, body, answer),
      resync: (reason) => this.resync(reason),
      reenroll: async () => {
        this.state = await this.reenrolment();
        // Spooled reports name the old identity; the new one starts from a full report.
        this.resync('enrolled again');
        return this.state;
      },
    };
  }

  /** Sends what is spooled, retrying with jittered backoff until the deadline or the signal. */
  deliver(deadlineMs: number, signal?: AbortSignal) {
    return deliverSpool(this.client, this.spool, this.state, this.log, {
      deadlineMs,
      maxBackoffMs: Math.min(300_000, this.config.intervalSeconds * 1000),
      hooks: this.hooks(),
      signal,
    });
  }
}
