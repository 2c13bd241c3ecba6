import type { DeviceIdentity, HardwareInfo, OsInfo } from '@steward/shared';
import type { Queryable } from './database.js';

export interface StoredReport {
  report_id: string;
  device_id: string;
  body_sha256: string;
  software_count: number;
  /** The content hash the report's device holds now (not necessarily the one this report left). */
  device_content_hash: string | null;
}

export async function findReport(db: Queryable, reportId: string): Promise<StoredReport | undefined> {
  const { rows } = await db.query<StoredReport>(
    `select r.report_id, r.device_id, r.body_sha256, r.software_count, d.content_hash as device_content_hash
       from agent_reports r left join devices d on d.id = r.device_id
      where r.report_id = $1`,
    [reportId],
  );
  return rows[0];
}

/** Locks the agent's row for the rest of the transaction, so its reports are applied one at a time. */
export async function lockAgentDevice(db: Queryable, agentId: string): Promise<{ device_id: string | null } | undefined> {
  const { rows } = await db.query<{ device_id: string | null }>('select device_id from agents where id = $1 for update', [agentId]);
  return rows[0];
}

export interface DeviceDigests {
  lastCollectedAt: Date | null;
  softwareDigest: string | null;
  contentHash: string | null;
}

/**
 * Locks the agent's row as lockAgentDevice does, then reads its device's digests; the digests are
 * undefined while the agent has no device. Two statements, not one joined read: a read that waited
 * for the lock sees the device row as it was before the lock holder committed (PostgreSQL re-reads
 * only the locked row), so a report queued behind another of the same agent would judge its age
 * and content against what that other report replaced.
 */
export async function lockAgentDeviceDigests(db: Queryable, agentId: string): Promise<{ device_id: string | null; digests?: DeviceDigests } | undefined> {
  const locked = await lockAgentDevice(db, agentId);
  if (!locked?.device_id) return locked && { device_id: null };
  return { device_id: locked.device_id, digests: await deviceDigests(db, locked.device_id) };
}

export async function insertDevice(db: Queryable, id: string, kind: 'agent' | 'snmp' | 'ssh', hostname: string): Promise<void> {
  await db.query('insert into devices (id, kind, hostname) values ($1, $2, $3)', [id, kind, hostname]);
}

/** An SSH-scanned device an agent took over becomes an agent device. */
export async function adoptScannedDevice(db: Queryable, id: string): Promise<void> {
  await db.query(`update devices set kind = 'agent' where id = $1 and kind = 'ssh'`, [id]);
}

/** Records the report id; false when that id is already recorded (a replay, or a concurrent twin). */
export async function recordReport(
  db: Queryable,
  report: {
    reportId: string; agentId: string; deviceId: string; bodySha256: string; collectedAt: string; softwareCount: number; applied: boolean;
    kind?: 'full' | 'delta';
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into agent_reports (report_id, agent_id, device_id, body_sha256, collected_at, software_count, applied, kind)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (report_id) do nothing`,
    [report.reportId, report.agentId, report.deviceId, report.bodySha256, report.collectedAt, report.softwareCount, report.applied, report.kind ?? 'full'],
  );
  return rowCount === 1;
}

/** When the device's applied inventory was collected, and the digests of what it holds. */
export async function deviceDigests(db: Queryable, deviceId: string): Promise<DeviceDigests> {
  const { rows } = await db.query<{ last_collected_at: Date | null; software_digest: string | null; content_hash: string | null }>(
    'select last_collected_at, software_digest, content_hash from devices where id = $1', [deviceId]);
  const row = rows[0];
  return { lastCollectedAt: row?.last_collected_at ?? null, softwareDigest: row?.software_digest ?? null, contentHash: row?.content_hash ?? null };
}

/** A report whose content the device already holds: only when it was seen, and its volatile OS fields, move. */
export async function markDeviceReported(db: Queryable, deviceId: string, report: { reportId: string; collectedAt: string; os: unknown }): Promise<void> {
  await db.query(
    'update devices set last_seen = now(), last_report_id = $2, last_collected_at = $3, os = $4 where id = $1',
    [deviceId, report.reportId, report.collectedAt, JSON.stringify(report.os)],
  );
}

/** What an agent device holds: the base a delta is applied to. */
export interface DeviceInventoryState {
  identity: DeviceIdentity | null;
  hardware: HardwareInfo | null;
  os: OsInfo | null;
  softwareCount: number;
  softwareDigest: string | null;
  contentHash: string | null;
  lastCollectedAt: Date | null;
}

export async function readDeviceInventory(db: Queryable, deviceId: string): Promise<DeviceInventoryState | undefined> {
  const { rows } = await db.query<{
    reported_identity: DeviceIdentity | null; hardware: HardwareInfo | null; os: OsInfo | null; software_count: number;
    software_digest: string | null; content_hash: string | null; last_collected_at: Date | null;
  }>(
    `select reported_identity, hardware, os, software_count, software_digest, content_hash, last_collected_at
       from devices where id = $1`,
    [deviceId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    identity: row.reported_identity,
    hardware: row.hardware,
    os: row.os,
    softwareCount: row.software_count,
    softwareDigest: row.software_digest,
    contentHash: row.content_hash,
    lastCollectedAt: row.last_collected_at ? new Date(row.last_collected_at) : null,
  };
}

/** A device's whole inventory after a report, full or delta. */
export interface DeviceInventory {
  identity: DeviceIdentity;
  hardware: HardwareInfo;
  os: OsInfo;
  softwareCount: number;
  softwareDigest: string;
  contentHash: string;
  reportId: string;
  collectedAt: string;
}

export async function updateDeviceInventory(db: Queryable, deviceId: string, inventory: DeviceInventory): Promise<void> {
  await db.query(
    `update devices set hostname = $2, fqdn = $3, hardware_uuid = $4, serial_number = $5, manufacturer = $6, model = $7,
            os_name = $8, os_version = $9, mac_addresses = $10, hardware = $11, os = $12, software_count = $13,
            last_seen = now(), last_report_id = $14, last_collected_at = $15,
            reported_identity = $16, software_digest = $17, content_hash = $18
      where id = $1`,
    [
      deviceId,
      inventory.identity.hostname,
      inventory.identity.fqdn ?? null,
      inventory.identity.hardwareUuid ?? null,
      inventory.identity.serialNumber ?? null,
      inventory.hardware.system.manufacturer ?? null,
      inventory.hardware.system.model ?? null,
      inventory.os.name,
      inventory.os.version ?? null,
      inventory.identity.macAddresses,
      JSON.stringify(inventory.hardware),
      JSON.stringify(inventory.os),
      inventory.softwareCount,
      inventory.reportId,
      inventory.collectedAt,
      JSON.stringify(inventory.identity),
      inventory.softwareDigest,
      inventory.contentHash,
    ],
  );
}

export async function touchDevice(db: Queryable, deviceId: string): Promise<void> {
  await db.query('update devices set last_seen = now() where id = $1', [deviceId]);
}
