import { randomUUID } from 'node:crypto';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import { createTestDatabase } from '../support/database.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

export interface IngestFigures {
  backend: string;
  /** First inventories of new devices. */
  firstPerSecond: number;
  /** Re-reports of known devices with 20 of their 1,000 packages upgraded. */
  repeatPerSecond: number;
  reports: number;
}

/**
 * Reports ingested per second, each with 1,000 software entries, the way the collector stores them
 * (one transaction, software diff). Half the reports are first inventories of new devices, half
 * are re-reports of known devices with 20 packages upgraded.
 */
export async function benchIngest(backend: 'embedded' | 'postgres', reports = 200, concurrency = 4): Promise<IngestFigures> {
  const t = await createTestDatabase(backend);
  await migrate(t.db);
  const agents: AgentRow[] = [];
  for (let i = 0; i < reports / 2; i++) {
    const id = randomUUID();
    await insertAgent(t.db, { id, hostname: `bench-${i}`, platform: 'linux', agentVersion: '0', tokenHash: randomUUID() });
    agents.push({ id, hostname: `bench-${i}`, device_id: null, revoked_at: null });
  }
  const base = syntheticSoftware(1000);
  const upgraded = base.map((s, i) => (i % 50 === 0 ? { ...s, version: `${s.version}+1` } : s));
  const rounds = [base, upgraded].map((software, round) =>
    agents.map((agent, i) => ({
      agent,
      report: inventoryReport.parse(makeReport(agent.id, {
        identity: { hostname: `bench-${i}`, macAddresses: [] },
        collectedAt: new Date(Date.now() + round * 1000).toISOString(),
        software,
      })),
    })),
  );
  const rates: number[] = [];
  // Rounds in order so each device's second report meets its first; within a round, in parallel.
  for (const round of rounds) {
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < round.length) {
        const item = round[next++]!;
        await ingestReport(t.db, item.agent, item.report, item.report.reportId);
      }
    }));
    rates.push(round.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  await t.drop();
  return { backend, reports: reports, firstPerSecond: rates[0]!, repeatPerSecond: rates[1]! };
}
