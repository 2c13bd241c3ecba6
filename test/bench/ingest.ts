import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inventoryDelta, inventoryReport, PROTOCOL_VERSION, type InventoryContent, type InventoryDelta, type InventoryReport } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { ingestDelta } from '../../collector/src/services/ingest-delta.js';
import { hashInventory } from '../../agent/src/content-hash.js';
import { diffSoftwareLists } from '../../agent/src/inventory-delta.js';
import { createTestDatabase } from '../support/database.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';
import { watchedDatabase } from '../support/watched-database.js';

export type IngestKind = 'first inventory' | 'unchanged re-report' | 're-report, 20 packages changed' | 'delta, 20 packages';

export interface IngestFigure {
  kind: IngestKind;
  concurrency: number;
  perSecond: number;
  statementsPerReport: number;
  /** CPU per report in this process: the collector's share, plus the database's on the embedded back end. */
  processCpuMs: number;
  /** CPU per report of the PostgreSQL server processes serving this database (PostgreSQL only). */
  serverCpuMs?: number;
}

/** CPU milliseconds the server processes of one database have used so far (Linux /proc; 0 elsewhere). */
async function serverCpuMs(admin: pg.Client | undefined, database: string): Promise<number> {
  if (!admin) return 0;
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not on this machine, or gone.
    }
  }
  return ticks * 10;
}

const upgrade = (content: InventoryContent, round: number): InventoryContent => ({
  ...content,
  software: content.software.map((s, i) => (i % 50 === round % 50 ? { ...s, version: `${s.version ?? ''}+${round}` } : s)),
});

/**
 * Reports ingested per second, each of 1,000 software entries, the way the collector stores them
 * (one transaction each), at each concurrency: first inventories of new devices, re-reports of
 * unchanged content, re-reports with 20 packages upgraded, and deltas of 20 upgraded packages.
 * Reports are built before the clock starts, so the figures are the collector's and the database's.
 */
export async function benchIngest(backend: 'embedded' | 'postgres', perLevel = 64, levels = [1, 8, 32]): Promise<IngestFigure[]> {
  const t = await createTestDatabase(backend);
  await migrate(t.db);
  const { db, watch } = watchedDatabase(t.db);
  const databaseName = t.url ? new URL(t.url).pathname.slice(1) : '';
  const admin = t.url ? new pg.Client({ connectionString: process.env.TEST_DATABASE_URL }) : undefined;
  await admin?.connect();
  const figures: IngestFigure[] = [];
  try {
    for (const concurrency of levels) {
      const agents: AgentRow[] = [];
      const contents: InventoryContent[] = [];
      for (let i = 0; i < perLevel; i++) {
        const id = randomUUID();
        await insertAgent(t.db, { id, hostname: `bench-${concurrency}-${i}`, platform: 'linux', agentVersion: '0', tokenHash: randomUUID() });
        agents.push({ id, hostname: `bench-${concurrency}-${i}`, device_id: null, revoked_at: null });
        const { protocol: _p, kind: _k, reportId: _r, agentId: _a, agentVersion: _v, collectedAt: _c, ...content } = inventoryReport.parse(
          makeReport(id, { identity: { hostname: `bench-${concurrency}-${i}`, macAddresses: [] }, software: syntheticSoftware(1000, i % 7) }));
        contents.push(content);
      }
      let clock = Date.now();
      const full = (i: number, content: InventoryContent): InventoryReport => inventoryReport.parse({
        protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId: agents[i]!.id, agentVersion: '0',
        collectedAt: new Date(clock).toISOString(), ...content,
      });
      const run = async (kind: IngestKind, build: (i: number) => InventoryReport | InventoryDelta) => {
        clock += 1000;
        const items = agents.map((_, i) => build(i));
        const statements = watch.statements;
        const cpu = process.cpuUsage();
        const server = await serverCpuMs(admin, databaseName);
        const started = process.hrtime.bigint();
        let next = 0;
        await Promise.all(Array.from({ length: concurrency }, async () => {
          while (next < items.length) {
            const i = next++;
            const item = items[i]!;
            if (item.kind === 'delta') await ingestDelta(db, agents[i]!, item, item.reportId);
            else await ingestReport(db, agents[i]!, item, item.reportId);
          }
        }));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const used = process.cpuUsage(cpu);
        figures.push({
          kind, concurrency, perSecond: items.length / seconds,
          statementsPerReport: (watch.statements - statements) / items.length,
          processCpuMs: (used.user + used.system) / 1000 / items.length,
          ...(admin ? { serverCpuMs: ((await serverCpuMs(admin, databaseName)) - server) / items.length } : {}),
        });
      };
      await run('first inventory', (i) => full(i, contents[i]!));
      await run('unchanged re-report', (i) => full(i, contents[i]!));
      await run('re-report, 20 packages changed', (i) => full(i, (contents[i] = upgrade(contents[i]!, 1))));
      await run('delta, 20 packages', (i) => {
        const base = contents[i]!;
        const next = (contents[i] = upgrade(base, 2));
        return inventoryDelta.parse({
          protocol: PROTOCOL_VERSION, kind: 'delta', reportId: randomUUID(), agentId: agents[i]!.id, agentVersion: '0',
          collectedAt: new Date(clock).toISOString(), baseHash: hashInventory(base), hash: hashInventory(next),
          software: diffSoftwareLists(base.software, next.software),
        });
      });
    }
  } finally {
    await admin?.end();
    await t.drop();
  }
  return figures;
}

/** The target each kind is held to, from the estate-scale acceptance figures. */
export const INGEST_TARGETS: Record<IngestKind, string | undefined> = {
  'first inventory': undefined,
  'unchanged re-report': '≥ 300/s',
  're-report, 20 packages changed': '≥ 300/s',
  'delta, 20 packages': '≥ 3,000/s',
};
