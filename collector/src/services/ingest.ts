import { randomUUID } from 'node:crypto';
import type { InventoryReport, ReportAnswer } from '@steward/shared';
import type { Database } from '../store/database.js';
import type { AgentRow } from '../store/agents.js';
import { touchAgent } from '../store/agents.js';
import {
  findReport, insertDevice, lastCollectedAt, lockAgentDevice, recordReport, touchDevice, updateDeviceFromReport,
} from '../store/reports.js';
import { deleteInstalledSoftware, insertInstalledSoftware, insertSoftwareChanges, readInstalledSoftware } from '../store/software.js';
import { linkAgentDevice } from '../store/agents.js';
import { ApiProblem } from './errors.js';
import { diffSoftware } from './software-diff.js';

export interface IngestOutcome {
  answer: ReportAnswer;
  /** What changed for live listeners; undefined for a replay. */
  change?: 'created' | 'updated';
}

class ConcurrentTwin extends Error {}

async function answerForKnownReport(db: Database, reportId: string, bodySha256: string): Promise<IngestOutcome | undefined> {
  const known = await findReport(db, reportId);
  if (!known) return undefined;
  if (known.body_sha256 !== bodySha256) {
    throw new ApiProblem(409, 'report_id_conflict', `report ${reportId} was already received with a different body`);
  }
  return { answer: { reportId, deviceId: known.device_id, duplicate: true, softwareCount: known.software_count } };
}

/**
 * Stores one full inventory report in one transaction: the device, its software (with what changed)
 * and the report's id, so a replay is recognised and a crash leaves nothing half-written. A report
 * older than the one already applied is recorded but does not overwrite newer data.
 */
export async function ingestReport(db: Database, agent: AgentRow, report: InventoryReport, bodySha256: string): Promise<IngestOutcome> {
  if (report.agentId !== agent.id) {
    throw new ApiProblem(403, 'agent_mismatch', 'agentId: the report names another agent than the token belongs to');
  }
  const replay = await answerForKnownReport(db, report.reportId, bodySha256);
  if (replay) return replay;
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockAgentDevice(tx, agent.id);
      if (!locked) throw new ApiProblem(401, 'unknown_agent', 'this agent is not enrolled');
      let deviceId = locked.device_id;
      const created = !deviceId;
      if (!deviceId) {
        deviceId = randomUUID();
        await insertDevice(tx, deviceId, 'agent', report.identity.hostname);
        await linkAgentDevice(tx, agent.id, deviceId);
      }
      const last = await lastCollectedAt(tx, deviceId);
      const applied = !last || new Date(report.collectedAt) >= last;
      const recorded = await recordReport(tx, {
        reportId: report.reportId, agentId: agent.id, deviceId, bodySha256,
        collectedAt: report.collectedAt, softwareCount: report.software.length, applied,
      });
      if (!recorded) throw new ConcurrentTwin();
      const now = new Date();
      if (applied) {
        const previous = await readInstalledSoftware(tx, deviceId);
        const diff = diffSoftware(previous, report.software, now);
        await deleteInstalledSoftware(tx, deviceId, diff.toDelete);
        await insertInstalledSoftware(tx, deviceId, diff.toInsert);
        // The first inventory is a baseline, not a list of changes.
        if (last) await insertSoftwareChanges(tx, deviceId, now, diff.changes);
        await updateDeviceFromReport(tx, deviceId, report);
      } else {
        await touchDevice(tx, deviceId);
      }
      await touchAgent(tx, agent.id, now);
      return {
        answer: { reportId: report.reportId, deviceId, duplicate: false, softwareCount: report.software.length },
        change: created ? 'created' : 'updated',
      } satisfies IngestOutcome;
    });
  } catch (error) {
    if (!(error instanceof ConcurrentTwin)) throw error;
    // The same report arrived twice at once; the other copy won the race and is now committed.
    const twin = await answerForKnownReport(db, report.reportId, bodySha256);
    if (!twin) throw error;
    return twin;
  }
}
