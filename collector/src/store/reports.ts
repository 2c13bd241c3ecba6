import type { InventoryReport } from '@steward/shared';
import type { Queryable } from './database.js';

export interface StoredReport {
  report_id: string;
  device_id: string;
  body_sha256: string;
  software_count: number;
}

export async function findReport(db: Queryable, reportId: string): Promise<StoredReport | undefined> {
  const { rows } = await db.query<StoredReport>(
    'select report_id, device_id, body_sha256, software_count from agent_reports where report_id = $1',
    [reportId],
  );
  return rows[0];
}

/** Locks the agent's row for the rest of the transaction, so its reports are applied one at a time. */
export async function lockAgentDevice(db: Queryable, agentId: string): Promise<{ device_id: string | null } | undefined> {
  const { rows } = await db.query<{ device_id: string | null }>('select device_id from agents where id = $1 for update', [agentId]);
  return rows[0];
}

export async function insertDevice(db: Queryable, id: string, kind: 'agent' | 'snmp', hostname: string): Promise<void> {
  await db.query('insert into devices (id, kind, hostname) values ($1, $2, $3)', [id, kind, hostname]);
}

/** Records the report id; false when that id is already recorded (a replay, or a concurrent twin). */
export async function recordReport(
  db: Queryable,
  report: { reportId: string; agentId: string; deviceId: string; bodySha256: string; collectedAt: string; softwareCount: number; applied: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into agent_reports (report_id, agent_id, device_id, body_sha256, collected_at, software_count, applied)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (report_id) do nothing`,
    [report.reportId, report.agentId, report.deviceId, report.bodySha256, report.collectedAt, report.softwareCount, report.applied],
  );
  return rowCount === 1;
}

export async function lastCollectedAt(db: Queryable, deviceId: string): Promise<Date | null> {
  const { rows } = await db.query<{ last_collected_at: Date | null }>('select last_collected_at from devices where id = $1', [deviceId]);
  return rows[0]?.last_collected_at ?? null;
}

export async function updateDeviceFromReport(db: Queryable, deviceId: string, report: InventoryReport): Promise<void> {
  await db.query(
    `update devices set hostname = $2, fqdn = $3, hardware_uuid = $4, serial_number = $5, manufacturer = $6, model = $7,
            os_name = $8, os_version = $9, mac_addresses = $10, hardware = $11, os = $12, software_count = $13,
            last_seen = now(), last_report_id = $14, last_collected_at = $15
      where id = $1`,
    [
      deviceId,
      report.identity.hostname,
      report.identity.fqdn ?? null,
      report.identity.hardwareUuid ?? null,
      report.identity.serialNumber ?? null,
      report.hardware.system.manufacturer ?? null,
      report.hardware.system.model ?? null,
      report.os.name,
      report.os.version ?? null,
      report.identity.macAddresses,
      JSON.stringify(report.hardware),
      JSON.stringify(report.os),
      report.software.length,
      report.reportId,
      report.collectedAt,
    ],
  );
}

export async function touchDevice(db: Queryable, deviceId: string): Promise<void> {
  await db.query('update devices set last_seen = now() where id = $1', [deviceId]);
}
