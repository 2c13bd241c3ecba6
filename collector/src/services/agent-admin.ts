import { randomUUID } from 'node:crypto';
import type { AgentList, AgentStatus, CreatedEnrollmentSecret, EnrollmentSecretInput, EnrollmentSecretView } from '@steward/shared';
import type { Database } from '../store/database.js';
import {
  insertEnrollmentSecret, listAgents, listEnrollmentSecrets, revokeAgent, revokeEnrollmentSecret, type AgentListRow,
} from '../store/agent-admin.js';
import { allowReenrolment, recordRevokedMachine } from '../store/identity/agent-identity.js';
import { recordAudit } from './audit.js';
import { ApiProblem } from './errors.js';
import { hashToken, newToken } from './tokens.js';

export interface Actor {
  username: string;
  role: string;
  sourceIp?: string;
}

function statusOf(row: AgentListRow, now = Date.now()): AgentStatus {
  if (row.revoked_at) return 'revoked';
  if (row.retired_at) return 'retired';
  if (!row.last_seen_at) return 'never-seen';
  return row.online_until && new Date(row.online_until).getTime() > now ? 'online' : 'offline';
}

export async function agentsWithStatus(db: Database, limit: number, offset: number): Promise<AgentList> {
  const { rows, total } = await listAgents(db, limit, offset);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, hostname: r.hostname, platform: r.platform, agentVersion: r.agent_version, deviceId: r.device_id,
      enrolledAt: new Date(r.enrolled_at).toISOString(), lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
      lastAddress: r.last_address, status: statusOf(r), revokedBy: r.revoked_by, clockSkewSeconds: r.clock_skew_seconds,
    })),
  };
}

/**
 * Revokes an agent: its token is refused from now on, the agent list shows it as revoked, and its
 * machine cannot enrol again until a person allows it (allowReenrolment).
 */
export async function revokeAgentToken(db: Database, agentId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await revokeAgent(tx, agentId, actor.username))) throw new ApiProblem(404, 'not_found', `no active agent with id ${agentId}`);
    await recordRevokedMachine(tx, agentId);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'agent.revoke', objectType: 'agent', objectId: agentId });
  });
}

/** Makes a new enrolment secret, shown once; only its hash is kept. */
export async function createEnrollmentSecret(db: Database, input: EnrollmentSecretInput, actor: Actor): Promise<CreatedEnrollmentSecret> {
  const id = randomUUID();
  const secret = newToken('ste');
  const { label } = input;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null;
  const maxUses = input.singleUse ? 1 : input.maxUses ?? null;
  await db.transaction(async (tx) => {
    await insertEnrollmentSecret(tx, { id, label, secretHash: hashToken(secret), createdBy: actor.username, expiresAt, maxUses });
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'enrollment-secret.create', objectType: 'enrollment-secret', objectId: id, after: { label, expiresAt, maxUses } });
  });
  return { id, label, secret, expiresAt: expiresAt?.toISOString() ?? null, maxUses };
}

/** A person lets a revoked agent's machine enrol again (with a new agent). */
export async function allowMachineReenrolment(db: Database, agentId: string, reason: string | undefined, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await allowReenrolment(tx, agentId, actor.username))) {
      throw new ApiProblem(404, 'not_found', `no revoked agent with id ${agentId} whose machine is kept out`);
    }
    await recordAudit(tx, {
      actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'agent.allow-reenrolment', objectType: 'agent', objectId: agentId,
      before: { reenrolment: 'refused' }, after: { reenrolment: 'allowed', reason: reason ?? null },
    });
  });
}

export async function enrollmentSecrets(db: Database): Promise<EnrollmentSecretView[]> {
  return (await listEnrollmentSecrets(db)).map((r) => ({
    id: r.id, label: r.label, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by,
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    maxUses: r.max_uses, uses: r.uses,
  }));
}

export async function revokeSecret(db: Database, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await revokeEnrollmentSecret(tx, id))) throw new ApiProblem(404, 'not_found', `no active enrolment secret with id ${id}`);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'enrollment-secret.revoke', objectType: 'enrollment-secret', objectId: id });
  });
}
