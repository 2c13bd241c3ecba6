import { inventoryReport } from '@steward/shared';
import type { RunningCollector } from '../../../collector/src/collector.js';
import { enrollAgent } from '../../../collector/src/services/enrolment.js';
import { ingestReport } from '../../../collector/src/services/ingest.js';
import { findAgentByTokenHash } from '../../../collector/src/store/agents.js';
import { hashToken } from '../../../collector/src/services/tokens.js';
import { ENROLL_SECRET } from './dashboard-collector.js';
import { fleetHostname, fleetReport } from './fleet.js';
import { inParallel } from './simulated-agent.js';

/**
 * Fills a collector with `count` agent devices through its enrolment and ingest services (what the
 * agent API calls), skipping HTTP so that large fleets are ready in reasonable time.
 */
export async function seedFleet(running: RunningCollector, count: number, softwarePerDevice = 12, parallel = 4): Promise<void> {
  const { db } = running.ctx;
  const settings = { enrollSecret: ENROLL_SECRET, reportIntervalSeconds: 3600, heartbeatIntervalSeconds: 30 };
  await inParallel(count, parallel, async (index) => {
    const hostname = fleetHostname(index);
    const enrolled = await enrollAgent(db, settings, {
      protocol: 1, secret: ENROLL_SECRET, hostname, agentVersion: '0.1.0', platform: 'linux',
    });
    const agent = await findAgentByTokenHash(db, hashToken(enrolled.token));
    if (!agent) throw new Error(`agent ${enrolled.agentId} vanished after enrolment`);
    const report = inventoryReport.parse({ ...fleetReport(agent.id, index, hostname), software: fleetReport(agent.id, index).software.slice(0, softwarePerDevice) });
    await ingestReport(db, agent, report, report.reportId);
  });
}
