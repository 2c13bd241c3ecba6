import type { Queryable } from '../store/database.js';
import { revokedMachinesSharing } from '../store/identity/agent-identity.js';
import { ApiProblem } from '../services/errors.js';
import { evidenceFromRows, evidenceRows, type Evidence } from './evidence.js';
import { judgeEvidence } from './identity-rules.js';

/**
 * Refuses a machine whose agent was revoked, judged by the same rules as any identity, until a
 * person allows it back: a revoked agent cannot return by enrolling again with a shared secret.
 */
export async function refuseRevokedMachine(db: Queryable, evidence: Evidence): Promise<void> {
  const rows = evidenceRows(evidence);
  if (rows.length === 0) return;
  for (const [agentId, theirs] of await revokedMachinesSharing(db, rows)) {
    if (judgeEvidence(evidence, evidenceFromRows(theirs)).verdict === 'same-device') {
      throw new ApiProblem(403, 'machine_revoked', `this machine's agent ${agentId} was revoked; an administrator must allow it to enrol again`);
    }
  }
}
