import type { AgentRow } from '../store/agents.js';
import type { Database } from '../store/database.js';
import { agentRetirement } from '../store/identity/agent-identity.js';
import { raiseReview } from '../store/identity/reviews.js';

/**
 * An agent retired when another took its machine over, still speaking: two agents claim one
 * machine (a copied identity, or a reinstall beside a running agent). A person is asked which is
 * genuine; the retired agent is refused meanwhile.
 */
export async function noticeRetiredAgent(db: Database, agent: AgentRow): Promise<void> {
  const retirement = await agentRetirement(db, agent.id);
  if (!retirement?.device_id) return;
  await db.transaction((tx) => raiseReview(tx, {
    kind: 'claimed', deviceId: retirement.device_id!, agentId: agent.id, rule: 'replaced-agent-still-running',
    evidence: { retiredAgent: agent.id, replacedBy: retirement.replaced_by, retiredAt: retirement.retired_at },
  }));
}
