import { randomUUID } from 'node:crypto';
import type { EnrollAnswer, EnrollRequest } from '@steward/shared';
import type { Database } from '../store/database.js';
import { findAgentByTokenHash, insertAgent, type AgentRow } from '../store/agents.js';
import { consumeEnrollmentSecret } from '../store/agent-admin.js';
import { evidenceOfEnrolment } from '../identity/evidence.js';
import { refuseRevokedMachine } from '../identity/revoked-machines.js';
import { noticeRetiredAgent } from '../identity/agent-claims.js';
import { ApiProblem } from './errors.js';
import { hashToken, newToken, secretsEqual } from './tokens.js';

export interface EnrolmentSettings {
  enrollSecret: string;
  reportIntervalSeconds: number;
  heartbeatIntervalSeconds: number;
}

/**
 * Admits a new agent that knows an enrolment secret, and gives it a token of its own. Valid
 * secrets: the configured one, and those made through the API until they expire or are revoked.
 */
export async function enrollAgent(db: Database, settings: EnrolmentSettings, request: EnrollRequest, address?: string): Promise<EnrollAnswer> {
  const agentId = randomUUID();
  const token = newToken('sta');
  await db.transaction(async (tx) => {
    // A revoked machine is refused before the secret is spent.
    await refuseRevokedMachine(tx, evidenceOfEnrolment(request));
    const valid = secretsEqual(request.secret, settings.enrollSecret) || (await consumeEnrollmentSecret(tx, hashToken(request.secret)));
    if (!valid) {
      throw new ApiProblem(401, 'bad_enrolment_secret', 'secret: the enrolment secret is not valid (unknown, expired, revoked or used up)');
    }
    await insertAgent(tx, {
      id: agentId,
      hostname: request.hostname,
      hardwareUuid: request.hardwareUuid,
      platform: request.platform,
      agentVersion: request.agentVersion,
      tokenHash: hashToken(token),
      address,
    });
  });
  return {
    agentId,
    token,
    reportIntervalSeconds: settings.reportIntervalSeconds,
    heartbeatIntervalSeconds: settings.heartbeatIntervalSeconds,
  };
}

/** The agent a bearer token belongs to; refuses unknown and revoked tokens. */
export async function authenticateAgent(db: Database, authorization: string | undefined): Promise<AgentRow> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new ApiProblem(401, 'missing_agent_token', 'authorization: an agent token is required (Bearer)');
  const agent = await findAgentByTokenHash(db, hashToken(token));
  if (!agent) throw new ApiProblem(401, 'unknown_agent_token', 'authorization: this agent token is not known');
  if (agent.revoked_at) throw new ApiProblem(403, 'agent_revoked', 'this agent has been revoked');
  if (agent.retired_at) {
    await noticeRetiredAgent(db, agent);
    throw new ApiProblem(403, 'agent_replaced', 'another agent now reports for this machine; this one was retired');
  }
  return agent;
}
