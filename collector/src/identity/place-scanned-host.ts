import { randomUUID } from 'node:crypto';
import type { InventoryContent } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import { replaceDeviceEvidence } from '../store/identity/evidence.js';
import { raiseReview } from '../store/identity/reviews.js';
import { insertDevice } from '../store/reports.js';
import { evidenceOf, evidenceRows } from './evidence.js';
import { describe, judgeCandidates, QUESTIONS } from './place-agent.js';
import { refuseRevokedMachine } from './revoked-machines.js';

/**
 * Finds the device a host first scanned over SSH is, by the same evidence and identity rules as an
 * agent's first report: the same machine (an agent device, or one another address reached) is
 * that device; otherwise a new device of kind ssh, with a question for a person on each doubtful match.
 */
export async function placeScannedHost(tx: Queryable, inventory: Pick<InventoryContent, 'identity' | 'hardware'>): Promise<{ deviceId: string; created: boolean }> {
  const evidence = evidenceOf(inventory.identity, inventory.hardware);
  await refuseRevokedMachine(tx, evidence);
  const candidates = await judgeCandidates(tx, evidence);
  const same = candidates.find((c) => c.judgement.verdict === 'same-device');
  if (same) return { deviceId: same.deviceId, created: false };
  const deviceId = randomUUID();
  await insertDevice(tx, deviceId, 'ssh', inventory.identity.hostname);
  await replaceDeviceEvidence(tx, deviceId, evidenceRows(evidence));
  for (const doubt of candidates.filter((c) => c.judgement.verdict === 'possible-duplicate').slice(0, QUESTIONS)) {
    await raiseReview(tx, {
      kind: 'possible-duplicate', deviceId, otherDeviceId: doubt.deviceId, rule: doubt.judgement.rule, evidence: describe(evidence, doubt.judgement),
    });
  }
  return { deviceId, created: true };
}
