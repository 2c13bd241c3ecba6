import type { InventoryReport, ReportAnswer } from '@steward/shared';
import type { Database, Queryable } from '../store/database.js';
import type { AgentRow } from '../store/agents.js';
import { touchAgent } from '../store/agents.js';
import { placeAgentDevice } from '../identity/place-agent.js';
import { deviceDigests, findReport, lockAgentDeviceDigests, recordReport, touchDevice } from '../store/reports.js';
import { applyInventory } from './apply-inventory.js';
import { contentHashOf, softwareDigestInSlices } from './content-digests.js';
import { ApiProblem } from './errors.js';

export interface IngestOutcome {
  answer: ReportAnswer;
  /** What changed for live listeners; undefined for a replay or a report that changed nothing. */
  change?: 'created' | 'updated';
  /** An update that moved only the device's software: its identity, hardware and OS are as they were. */
  softwareOnly?: true;
  /** Applied, but the device already held this content: only its sighting moved. */
  unchanged?: true;
  /** Agents this report's agent replaced on its machine: their connections are to be closed. */
  retired?: string[];
}

/** Thrown inside the transaction when the same report id was committed by a concurrent request. */
export class ConcurrentTwin extends Error {}

export { contentHashOf, softwareDigestOf } from './content-digests.js';

export async function answerForKnownReport(db: Queryable, reportId: string, bodySha256: string): Promise<IngestOutcome | undefined> {
  const known = await findReport(db, reportId);
  if (!known) return undefined;
  if (known.body_sha256 !== bodySha256) {
    throw new ApiProblem(409, 'report_id_conflict', `report ${reportId} was already received with a different body`);
  }
  return {
    answer: {
      reportId, deviceId: known.device_id, duplicate: true, softwareCount: known.software_count,
      ...(known.device_content_hash ? { contentHash: known.device_content_hash } : {}),
    },
  };
}

export function assertOwnReport(agent: AgentRow, agentId: string): void {
  if (agentId !== agent.id) {
    throw new ApiProblem(403, 'agent_mismatch', 'agentId: the report names another agent than the token belongs to');
  }
}

/**
 * Runs one report's transaction; when a concurrent copy of the same report won the race, answers
 * as that copy's replay instead.
 */
export async function withReplayRace(
  db: Database, reportId: string, bodySha256: string, store: () => Promise<IngestOutcome>,
): Promise<IngestOutcome> {
  try {
    return await store();
  } catch (error) {
    if (!(error instanceof ConcurrentTwin)) throw error;
    const twin = await answerForKnownReport(db, reportId, bodySha256);
    if (!twin) throw error;
    return twin;
  }
}

/**
 * Stores one full inventory report in one transaction: the device, its software (with what changed)
 * and the report's id, so a replay is recognised and a crash leaves nothing half-written. A report
 * older than the one already applied is recorded but does not overwrite newer data. Changes are
 * dated when the agent collected them, so a backlog delivered late keeps its order in the history.
 */
export async function ingestReport(db: Database, agent: AgentRow, report: InventoryReport, bodySha256: string): Promise<IngestOutcome> {
  assertOwnReport(agent, report.agentId);
  // The report's own digests, before the transaction: the agent's lock and a connection are not held meanwhile.
  const softwareDigest = await softwareDigestInSlices(report.software);
  const digests = { softwareDigest, contentHash: contentHashOf(report, softwareDigest) };
  // No look-up of the report id first: recordReport finds a replay inside the transaction, which
  // then answers as the replay, so the usual report pays no statement for the rare one.
  return withReplayRace(db, report.reportId, bodySha256, () => db.transaction(async (tx) => {
    const locked = await lockAgentDeviceDigests(tx, agent.id);
    if (!locked) throw new ApiProblem(401, 'unknown_agent', 'this agent is not enrolled');
    let deviceId = locked.device_id;
    let created = false;
    let retired: string[] = [];
    if (!deviceId) ({ deviceId, created, retired } = await placeAgentDevice(tx, agent.id, report));
    const held = locked.digests ?? await deviceDigests(tx, deviceId);
    const last = held.lastCollectedAt;
    const applied = !last || new Date(report.collectedAt) >= last;
    const recorded = await recordReport(tx, {
      reportId: report.reportId, agentId: agent.id, deviceId, bodySha256,
      collectedAt: report.collectedAt, softwareCount: report.software.length, applied,
    });
    if (!recorded) throw new ConcurrentTwin();
    const now = new Date();
    let contentHash: string | undefined;
    let changed = true;
    let softwareOnly: true | undefined;
    if (applied) {
      ({ contentHash, changed, softwareOnly } = await applyInventory(tx, deviceId, report, held, now, digests));
    } else {
      await touchDevice(tx, deviceId);
      contentHash = (await findReport(tx, report.reportId))?.device_content_hash ?? undefined;
    }
    await touchAgent(tx, agent.id, now);
    return {
      answer: {
        reportId: report.reportId, deviceId, duplicate: false, softwareCount: report.software.length,
        ...(contentHash ? { contentHash } : {}),
      },
      ...(created ? { change: 'created' as const } : changed ? { change: 'updated' as const, ...(softwareOnly ? { softwareOnly } : {}) } : { unchanged: true as const }),
      ...(retired.length ? { retired } : {}),
    } satisfies IngestOutcome;
  }));
}
