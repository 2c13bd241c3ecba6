import type { Queryable } from './database.js';
import { ONLINE_WITHIN_SECONDS } from './devices.js';

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
            clock_skew_seconds = coalesce($4, clock_skew_seconds),
            online_until = greatest(coalesce(online_until, $5), $5)
      where id = $1`,
    [agentId, at, seen.address ?? null, seen.clockSkewSeconds ?? null, new Date(at.getTime() + ONLINE_WITHIN_SECONDS * 1000)],
  );
}

/** One agent's latest heartbeat as a collector holds it until the next batch is written. */
export interface PresenceBeat {
  agentId: string;
  at: Date;
  /** Until when the agent counts as online without another beat. */
  onlineUntil: Date;
  address: string | null;
  clockSkewSeconds: number | null;
  uptimeSeconds: number | null;
}

/**
 * Writes a batch of heartbeats in one statement. An agent coming back after being offline closes
 * its previous stretch online into `agent_presence` and starts a new one; otherwise only its row moves.
 * Beats older than what is stored (a slower collector's batch) never move the agent back in time.
 */
export async function recordPresence(db: Queryable, beats: PresenceBeat[]): Promise<void> {
  if (beats.length === 0) return;
  await db.query(
    `with beat as (
       select * from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::float8[], $6::float8[])
         as b(agent_id, at, until, address, skew, uptime)
     ), was as (
       select a.id, a.online_since, least(a.last_seen_at, a.online_until) as ended_at, a.online_until < b.at as came_back
         from agents a join beat b on b.agent_id = a.id
     ), closed as (
       insert into agent_presence (agent_id, started_at, ended_at)
       select id, online_since, greatest(online_since, ended_at) from was where came_back and online_since is not null
     )
     update agents a set
       online_since = case when w.came_back or a.online_since is null then b.at else a.online_since end,
       online_until = greatest(coalesce(a.online_until, b.until), b.until),
       last_seen_at = greatest(coalesce(a.last_seen_at, b.at), b.at),
       last_address = case when b.at >= coalesce(a.last_seen_at, b.at) then coalesce(b.address, a.last_address) else a.last_address end,
       clock_skew_seconds = case when b.at >= coalesce(a.last_seen_at, b.at) then coalesce(b.skew, a.clock_skew_seconds) else a.clock_skew_seconds end,
       uptime_seconds = case when b.at >= coalesce(a.last_seen_at, b.at) then coalesce(b.uptime, a.uptime_seconds) else a.uptime_seconds end
       from beat b join was w on w.id = b.agent_id
      where a.id = b.agent_id`,
    [
      beats.map((b) => b.agentId), beats.map((b) => b.at), beats.map((b) => b.onlineUntil),
      beats.map((b) => b.address), beats.map((b) => b.clockSkewSeconds), beats.map((b) => b.uptimeSeconds),
    ],
  );
}

/**
 * Agents whose channel closed: offline from that moment, in one statement. An agent that has beaten
 * since (reconnected, perhaps to another collector) is left online.
 */
export async function recordDisconnections(db: Queryable, gone: Array<{ agentId: string; at: Date }>): Promise<void> {
  if (gone.length === 0) return;
  await db.query(
    `update agents a set online_until = g.at
       from unnest($1::uuid[], $2::timestamptz[]) as g(agent_id, at)
      where a.id = g.agent_id and a.online_until > g.at and a.last_seen_at <= g.at`,
    [gone.map((g) => g.agentId), gone.map((g) => g.at)],
  );
}
