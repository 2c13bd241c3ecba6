import type { Queryable } from './database.js';

export interface AgentListRow {
  id: string;
  hostname: string;
  platform: string;
  agent_version: string;
  device_id: string | null;
  enrolled_at: Date;
  last_seen_at: Date | null;
  online_until: Date | null;
  last_address: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  retired_at: Date | null;
  clock_skew_seconds: number | null;
}

export async function listAgents(db: Queryable, limit: number, offset: number): Promise<{ rows: AgentListRow[]; total: number }> {
  const { rows } = await db.query<AgentListRow>(
    `select id, hostname, platform, agent_version, device_id, enrolled_at, last_seen_at, online_until, last_address, revoked_at, revoked_by, retired_at, clock_skew_seconds
       from agents order by lower(hostname), id limit $1 offset $2`,
    [limit, offset],
  );
  const count = await db.query<{ n: number }>('select count(*)::int as n from agents');
  return { rows, total: count.rows[0]?.n ?? 0 };
}

/** Revokes an agent's token; returns false when there is no such agent or it was revoked already. */
export async function revokeAgent(db: Queryable, agentId: string, by: string): Promise<boolean> {
  const { rowCount } = await db.query('update agents set revoked_at = now(), revoked_by = $2 where id = $1 and revoked_at is null', [agentId, by]);
  return rowCount === 1;
}

export interface EnrollmentSecretRow {
  id: string;
  label: string;
  created_at: Date;
  created_by: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  max_uses: number | null;
  uses: number;
}

export async function insertEnrollmentSecret(
  db: Queryable,
  row: { id: string; label: string; secretHash: string; createdBy: string; expiresAt: Date | null; maxUses: number | null },
): Promise<void> {
  await db.query(
    'insert into enrollment_secrets (id, label, secret_hash, created_by, expires_at, max_uses) values ($1, $2, $3, $4, $5, $6)',
    [row.id, row.label, row.secretHash, row.createdBy, row.expiresAt, row.maxUses],
  );
}

export async function listEnrollmentSecrets(db: Queryable): Promise<EnrollmentSecretRow[]> {
  const { rows } = await db.query<EnrollmentSecretRow>(
    'select id, label, created_at, created_by, expires_at, revoked_at, max_uses, uses from enrollment_secrets order by created_at desc',
  );
  return rows;
}

export async function revokeEnrollmentSecret(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('update enrollment_secrets set revoked_at = now() where id = $1 and revoked_at is null', [id]);
  return rowCount === 1;
}

/**
 * Spends one use of the secret with this hash when it is valid now (not revoked, not expired, its
 * quota not reached); false otherwise. One statement, so two enrolments never share the last use.
 */
export async function consumeEnrollmentSecret(db: Queryable, secretHash: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `update enrollment_secrets set uses = uses + 1
      where secret_hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())
        and (max_uses is null or uses < max_uses)`,
    [secretHash],
  );
  return rowCount === 1;
}
