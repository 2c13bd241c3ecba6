import type { Queryable } from './database.js';

export interface AgentRow {
  id: string;
  device_id: string | null;
  hostname: string;
  revoked_at: Date | null;
  /** Set when another agent took this one's machine over. */
  retired_at?: Date | null;
}

export async function insertAgent(
  db: Queryable,
  agent: { id: string; hostname: string; hardwareUuid?: string; platform: string; agentVersion: string; tokenHash: string; address?: string },
): Promise<void> {
  await db.query(
    `insert into agents (id, hostname, hardware_uuid, platform, agent_version, token_hash, last_address)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [agent.id, agent.hostname, agent.hardwareUuid ?? null, agent.platform, agent.agentVersion, agent.tokenHash, agent.address ?? null],
  );
}

export async function findAgentByTokenHash(db: Queryable, tokenHash: string): Promise<AgentRow | undefined> {
  const { rows } = await db.query<AgentRow>(
    'select id, device_id, hostname, revoked_at, retired_at from agents where token_hash = $1',
    [tokenHash],
  );
  return rows[0];
}

export async function linkAgentDevice(db: Queryable, agentId: string, deviceId: string): Promise<void> {
  await db.query('update agents set device_id = $2 where id = $1', [agentId, deviceId]);
}

/**
 * Marks the agent seen. A heartbeat also gives how far the agent's clock is from the collector's
 * (positive: ahead); reports leave the last measure as it was, since they may have waited in a spool.
 */
export async function touchAgent(db: Queryable, agentId: string, at: Date, seen: { address?: string; clockSkewSeconds?: number } = {}): Promise<void> {
  await db.query(
    `update agents set last_seen_at = greatest(coalesce(last_seen_at, $2), $2), last_address = coalesce($3, last_address),
            clock_skew_seconds = coalesce($4, clock_skew_seconds)
      where id = $1`,
    [agentId, at, seen.address ?? null, seen.clockSkewSeconds ?? null],
  );
}

export async function insertHeartbeat(db: Queryable, agentId: string, at: Date, uptimeSeconds?: number): Promise<void> {
  await db.query('insert into agent_heartbeats (time, agent_id, uptime_seconds) values ($1, $2, $3)', [at, agentId, uptimeSeconds ?? null]);
}
