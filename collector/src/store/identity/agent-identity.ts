import type { EvidenceRow } from '../../identity/evidence.js';
import type { Queryable } from '../database.js';

export interface DeviceAgent {
  id: string;
  last_seen_at: Date | null;
}

/** The agents that report for a device now (not revoked, not retired). */
export async function activeAgentsOf(db: Queryable, deviceId: string): Promise<DeviceAgent[]> {
  const { rows } = await db.query<DeviceAgent>(
    'select id, last_seen_at from agents where device_id = $1 and revoked_at is null and retired_at is null order by enrolled_at',
    [deviceId],
  );
  return rows;
}

/** Retires the device's other agents: a new agent reports for the machine; their rows and reports stay as history. */
export async function retireAgentsOf(db: Queryable, deviceId: string, replacedBy: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update agents set retired_at = now(), replaced_by = $2
      where device_id = $1 and id <> $2 and revoked_at is null and retired_at is null returning id`,
    [deviceId, replacedBy],
  );
  return rows.map((r) => r.id);
}

export async function agentRetirement(db: Queryable, agentId: string): Promise<{ retired_at: Date | null; replaced_by: string | null; device_id: string | null } | undefined> {
  const { rows } = await db.query<{ retired_at: Date | null; replaced_by: string | null; device_id: string | null }>(
    'select retired_at, replaced_by, device_id from agents where id = $1', [agentId]);
  return rows[0];
}

/** Remembers what a revoked agent's machine presents, so the machine cannot enrol again by itself. */
export async function recordRevokedMachine(db: Queryable, agentId: string): Promise<void> {
  await db.query(
    `insert into revoked_machine_evidence (agent_id, key, value)
     select a.id, e.key, e.value from agents a join device_identity_evidence e on e.device_id = a.device_id where a.id = $1
     union
     select a.id, 'hardware_uuid', replace(lower(btrim(a.hardware_uuid)), '-', '') from agents a
      where a.id = $1 and replace(lower(btrim(coalesce(a.hardware_uuid, ''))), '-', '') ~ '^[0-9a-f]{32}$'
     on conflict do nothing`,
    [agentId],
  );
}

/** Revoked machines, not since allowed back by a person, presenting any of this evidence, with all they presented. */
export async function revokedMachinesSharing(db: Queryable, rows: readonly EvidenceRow[]): Promise<Map<string, EvidenceRow[]>> {
  const { rows: found } = await db.query<{ agent_id: string; key: EvidenceRow['key']; value: string }>(
    `select r.agent_id, r.key, r.value from revoked_machine_evidence r
      where r.agent_id in (
        select x.agent_id from revoked_machine_evidence x
          join unnest($1::text[], $2::text[]) w(key, value) on w.key = x.key and w.value = x.value
          join agents a on a.id = x.agent_id
         where a.reenrol_allowed_at is null)`,
    [rows.map((r) => r.key), rows.map((r) => r.value)],
  );
  const byAgent = new Map<string, EvidenceRow[]>();
  for (const row of found) byAgent.set(row.agent_id, [...(byAgent.get(row.agent_id) ?? []), { key: row.key, value: row.value }]);
  return byAgent;
}

/** A person lets a revoked agent's machine enrol again; false when the agent is not revoked or already allowed. */
export async function allowReenrolment(db: Queryable, agentId: string, by: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'update agents set reenrol_allowed_at = now(), reenrol_allowed_by = $2 where id = $1 and revoked_at is not null and reenrol_allowed_at is null',
    [agentId, by],
  );
  return rowCount === 1;
}

/** True when the device is tied to a register asset, by matching, by a person or by the asset itself. */
export async function deviceIsRegistered(db: Queryable, deviceId: string): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from device_asset_links where device_id = $1 union all select 1 from register_assets where device_id = $1 limit 1`,
    [deviceId],
  );
  return rows.length > 0;
}
