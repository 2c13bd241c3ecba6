import type { Queryable } from '../../database.js';

export interface SilentAgentRow {
  id: string;
  hostname: string;
  device_id: string | null;
  platform: string;
  last_seen_at: Date | null;
  enrolled_at: Date;
}

/** Agents not revoked that have not spoken since the cutoff (never-seen ones count from enrolment). */
export async function agentsSilentSince(db: Queryable, cutoff: Date): Promise<SilentAgentRow[]> {
  const { rows } = await db.query<SilentAgentRow>(
    `select id, hostname, device_id, platform, last_seen_at, enrolled_at from agents
      where revoked_at is null and coalesce(last_seen_at, enrolled_at) < $1`,
    [cutoff],
  );
  return rows;
}

export interface SkewedAgentRow {
  id: string;
  hostname: string;
  device_id: string | null;
  clock_skew_seconds: number;
  last_seen_at: Date | null;
}

/** Agents not revoked whose clock, at their last heartbeat, was at least `seconds` from the collector's. */
export async function agentsWithClockSkew(db: Queryable, seconds: number): Promise<SkewedAgentRow[]> {
  const { rows } = await db.query<SkewedAgentRow>(
    `select id, hostname, device_id, clock_skew_seconds, last_seen_at from agents
      where revoked_at is null and abs(clock_skew_seconds) >= $1`,
    [seconds],
  );
  return rows;
}

export interface DownDeviceRow {
  device_id: string;
  hostname: string;
  host: string;
  port: number;
  down_since: Date | null;
  last_error: string | null;
}

/**
 * SNMP devices whose last poll found them down, with the first failed poll since they were last up
 * (or the last poll, when no reachability history is kept).
 */
export async function snmpDevicesDown(db: Queryable): Promise<DownDeviceRow[]> {
  const { rows } = await db.query<DownDeviceRow>(
    `select t.device_id, d.hostname, t.host, t.port, t.last_error,
            coalesce((select min(r.time) from snmp_reachability r
                       where r.device_id = t.device_id and not r.up
                         and r.time > coalesce((select max(u.time) from snmp_reachability u where u.device_id = t.device_id and u.up), '-infinity')),
                     t.last_polled_at) as down_since
       from snmp_targets t join devices d on d.id = t.device_id
      where t.up = false`,
  );
  return rows;
}
