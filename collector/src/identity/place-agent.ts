import { randomUUID } from 'node:crypto';
import type { InventoryReport } from '@steward/shared';
import { linkAgentDevice } from '../store/agents.js';
import type { Queryable } from '../store/database.js';
import { activeAgentsOf, deviceIsRegistered, retireAgentsOf } from '../store/identity/agent-identity.js';
import { devicesSharingEvidence, replaceDeviceEvidence } from '../store/identity/evidence.js';
import { raiseReview } from '../store/identity/reviews.js';
import { adoptScannedDevice, insertDevice } from '../store/reports.js';
import { evidenceFromRows, evidenceOf, evidenceRows, type Evidence } from './evidence.js';
import { judgeEvidence, type Judgement } from './identity-rules.js';
import { refuseRevokedMachine } from './revoked-machines.js';

/** At most this many devices sharing some evidence are judged; a docking station's MAC is on many. */
const CANDIDATES = 25;
/** At most this many possible duplicates are raised for one new device. */
export const QUESTIONS = 5;

export interface Placement {
  deviceId: string;
  created: boolean;
  /** Agents the new one replaced on a device it took over. */
  retired: string[];
}

export interface Candidate { deviceId: string; judgement: Judgement }

/** The devices sharing some of this evidence, each judged against it by the identity rules. */
export async function judgeCandidates(tx: Queryable, evidence: Evidence): Promise<Candidate[]> {
  const rows = evidenceRows(evidence);
  if (rows.length === 0) return [];
  const found = await devicesSharingEvidence(tx, rows, null, CANDIDATES);
  return [...found].map(([deviceId, theirs]) => ({ deviceId, judgement: judgeEvidence(evidence, evidenceFromRows(theirs)) }));
}

export const describe = (evidence: Evidence, judgement: Judgement) => ({ presented: evidence, states: judgement.states });

/** The new agent reports for a machine already known: it takes the device over; the register hears of it. */
async function takeOver(tx: Queryable, agentId: string, evidence: Evidence, target: Candidate): Promise<Placement> {
  const before = await activeAgentsOf(tx, target.deviceId);
  await linkAgentDevice(tx, agentId, target.deviceId);
  // A host scanned over SSH until now: from here on its agent reports it.
  await adoptScannedDevice(tx, target.deviceId);
  const retired = await retireAgentsOf(tx, target.deviceId, agentId);
  // Another agent taking a registered machine over is never silent: a person confirms it.
  if (await deviceIsRegistered(tx, target.deviceId)) {
    await raiseReview(tx, {
      kind: 'claimed', deviceId: target.deviceId, agentId, rule: target.judgement.rule,
      evidence: { ...describe(evidence, target.judgement), replacedAgents: before.map((a) => a.id) },
    });
  }
  return { deviceId: target.deviceId, created: false, retired };
}

/**
 * Finds the device a newly enrolled agent's first report is about, by the strongest evidence it
 * presents and the identity rules: the same machine is taken over (its old agents retired, their
 * history kept), a doubtful match gets a new device and a question for a person, and a revoked
 * machine is refused until a person allows it back.
 */
export async function placeAgentDevice(tx: Queryable, agentId: string, report: InventoryReport): Promise<Placement> {
  const evidence = evidenceOf(report.identity, report.hardware);
  await refuseRevokedMachine(tx, evidence);
  const candidates = await judgeCandidates(tx, evidence);
  const same = candidates.find((c) => c.judgement.verdict === 'same-device');
  if (same) return takeOver(tx, agentId, evidence, same);
  const deviceId = randomUUID();
  await insertDevice(tx, deviceId, 'agent', report.identity.hostname);
  await linkAgentDevice(tx, agentId, deviceId);
  await replaceDeviceEvidence(tx, deviceId, evidenceRows(evidence));
  for (const doubt of candidates.filter((c) => c.judgement.verdict === 'possible-duplicate').slice(0, QUESTIONS)) {
    await raiseReview(tx, {
      kind: 'possible-duplicate', deviceId, otherDeviceId: doubt.deviceId, rule: doubt.judgement.rule,
      evidence: describe(evidence, doubt.judgement),
    });
  }
  return { deviceId, created: true, retired: [] };
}

/** Keeps what a device presents up to date after each applied report. */
export async function recordPresentedEvidence(tx: Queryable, deviceId: string, report: Pick<InventoryReport, 'identity' | 'hardware'>): Promise<void> {
  await replaceDeviceEvidence(tx, deviceId, evidenceRows(evidenceOf(report.identity, report.hardware)));
}
