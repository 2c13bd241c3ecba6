import type { SnmpDeviceIdentity, SnmpPollSample, SnmpProblem, SnmpSystem } from '@steward/shared';
import type { Queryable } from '../database.js';

/**
 * Takes the transaction-scoped locks of the identities a discovery may match, so two discoveries
 * of the same device (two sweeps, or a sweep and a saved probe) cannot both create it. Keys are
 * locked in sorted order so that two transactions never wait on each other crosswise.
 */
export async function lockDiscoveryKeys(db: Queryable, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await db.query('select pg_advisory_xact_lock(hashtextextended($1, 7210))', [key]);
  }
}

/** An SNMP device with the same serial from the same maker. */
export async function findDeviceBySerial(db: Queryable, serial: string, vendor: string | null): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select id from devices where kind = 'snmp' and serial_number = $1 and manufacturer is not distinct from $2
      order by first_seen limit 1`,
    [serial, vendor],
  );
  return rows[0]?.id;
}

/** An SNMP device answering at the same address with the same sysObjectID and sysName. */
export async function findDeviceByAddress(
  db: Queryable, match: { sysObjectID: string | null; sysName: string | null; host: string; port: number },
): Promise<string | undefined> {
  const { rows } = await db.query<{ device_id: string }>(
    `select device_id from snmp_targets
      where sys_object_id is not distinct from $1 and sys_name is not distinct from $2 and host = $3 and port = $4
      order by probed_at limit 1`,
    [match.sysObjectID, match.sysName, match.host, match.port],
  );
  return rows[0]?.device_id;
}

export interface DeviceFields {
  hostname: string;
  serialNumber: string | null;
  manufacturer: string | null;
  model: string | null;
  osName: string | null;
  osVersion: string | null;
  macAddresses: string[];
  hardware: unknown;
  os: unknown;
  softwareCount: number;
}

/** What a probe says about the device itself; it answered, so it was seen now. */
export async function updateSnmpDevice(db: Queryable, deviceId: string, fields: DeviceFields): Promise<void> {
  await db.query(
    `update devices set hostname = $2, serial_number = $3, manufacturer = $4, model = $5, os_name = $6, os_version = $7,
            mac_addresses = $8, hardware = $9, os = $10, software_count = $11, last_seen = now()
      where id = $1`,
    [
      deviceId, fields.hostname, fields.serialNumber, fields.manufacturer, fields.model, fields.osName, fields.osVersion,
      fields.macAddresses, JSON.stringify(fields.hardware), fields.os === null ? null : JSON.stringify(fields.os), fields.softwareCount,
    ],
  );
}

export interface TargetFields {
  host: string;
  port: number;
  credentialId: string | null;
  system: SnmpSystem;
  identity: SnmpDeviceIdentity;
  problems: SnmpProblem[];
  probedAt: string;
}

/**
 * Records how the device was reached and what it said. A new device is due for polling at once;
 * a known one keeps its schedule, and keeps its credential set when the probe names none.
 */
export async function upsertTarget(db: Queryable, deviceId: string, t: TargetFields, defaultIntervalSeconds: number): Promise<void> {
  await db.query(
    `insert into snmp_targets (device_id, host, port, credential_id, sys_object_id, sys_name, system, identity, problems, probed_at,
                               poll_interval_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (device_id) do update set host = excluded.host, port = excluded.port,
       credential_id = coalesce(excluded.credential_id, snmp_targets.credential_id),
       sys_object_id = excluded.sys_object_id, sys_name = excluded.sys_name, system = excluded.system,
       identity = excluded.identity, problems = excluded.problems, probed_at = excluded.probed_at`,
    [
      deviceId, t.host, t.port, t.credentialId, t.system.sysObjectID ?? null, t.system.sysName ?? null,
      JSON.stringify(t.system), JSON.stringify(t.identity), JSON.stringify(t.problems), t.probedAt, defaultIntervalSeconds,
    ],
  );
}

/** Addresses already known to answer with a given credential set: a sweep tries that set first there. */
export async function rememberedCredentials(db: Queryable, port: number): Promise<Map<string, string>> {
  const { rows } = await db.query<{ host: string; credential_id: string }>(
    'select host, credential_id::text from snmp_targets where port = $1 and credential_id is not null',
    [port],
  );
  return new Map(rows.map((r) => [r.host, r.credential_id]));
}

export async function setTargetSchedule(
  db: Queryable, deviceId: string, change: { pollIntervalSeconds?: number; credentialId?: string | null; pollNow?: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update snmp_targets set poll_interval_seconds = coalesce($2, poll_interval_seconds),
            credential_id = case when $3 then $4::uuid else credential_id end,
            next_poll_at = case when $5 then now() else next_poll_at end
      where device_id = $1`,
    [deviceId, change.pollIntervalSeconds ?? null, change.credentialId !== undefined, change.credentialId ?? null, change.pollNow === true],
  );
  return rowCount === 1;
}

/** A device claimed for one poll. */
export interface ClaimedTarget {
  device_id: string;
  host: string;
  port: number;
  credential_id: string | null;
  poll_interval_seconds: number;
  up: boolean | null;
  last_sample: SnmpPollSample | null;
}

/**
 * Claims up to `limit` due devices for this collector until the lease ends. Rows another collector
 * is claiming right now are skipped, not waited for; a lease that ended without its poll being
 * completed (the collector died) makes the device due again.
 */
export async function claimDueTargets(db: Queryable, collectorId: string, limit: number, leaseSeconds: number): Promise<ClaimedTarget[]> {
  const { rows } = await db.query<ClaimedTarget>(
    `update snmp_targets set lease_until = now() + make_interval(secs => $3), leased_by = $1
      where device_id in (
        select device_id from snmp_targets
         where next_poll_at <= now() and (lease_until is null or lease_until < now())
         order by next_poll_at limit $2
         for update skip locked)
     returning device_id, host, port, credential_id, poll_interval_seconds, up, last_sample`,
    [collectorId, limit, leaseSeconds],
  );
  return rows;
}

/** When this collector should look again: the earliest due time among devices not leased. */
export async function nextDueAt(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `select min(greatest(next_poll_at, coalesce(lease_until, next_poll_at))) as at from snmp_targets`,
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export interface PollCompletion {
  up: boolean;
  error: string | null;
  sample: SnmpPollSample | null;
}

/**
 * Ends this collector's lease on a device and schedules its next poll one interval after the one
 * just due (or one interval from now when the device was overdue, so a backlog is not polled twice
 * in a row). Returns the previous up state, or undefined when another collector took the device over
 * after this one's lease ran out, in which case this poll must not be recorded.
 */
export async function completePoll(
  db: Queryable, deviceId: string, collectorId: string, done: PollCompletion,
): Promise<{ wasUp: boolean | null } | undefined> {
  const { rows } = await db.query<{ was_up: boolean | null }>(
    `with previous as (select up from snmp_targets where device_id = $1)
     update snmp_targets set
        next_poll_at = case when next_poll_at + make_interval(secs => poll_interval_seconds) > now()
                            then next_poll_at + make_interval(secs => poll_interval_seconds)
                            else now() + make_interval(secs => poll_interval_seconds) end,
        lease_until = null, leased_by = null, up = $3, last_polled_at = now(), last_error = $4,
        last_sample = coalesce($5::jsonb, last_sample)
      where device_id = $1 and leased_by = $2
     returning (select up from previous) as was_up`,
    [deviceId, collectorId, done.up, done.error, done.sample === null ? null : JSON.stringify(done.sample)],
  );
  return rows[0] ? { wasUp: rows[0].was_up } : undefined;
}

/** Gives back leases without polling (a collector stopping in good order). */
export async function releaseLeases(db: Queryable, collectorId: string, deviceIds: string[]): Promise<void> {
  if (deviceIds.length === 0) return;
  await db.query(
    'update snmp_targets set lease_until = null, leased_by = null where leased_by = $1 and device_id = any($2::uuid[])',
    [collectorId, deviceIds],
  );
}

export async function touchSnmpDevice(db: Queryable, deviceId: string): Promise<void> {
  await db.query('update devices set last_seen = now() where id = $1', [deviceId]);
}

/** Locks a device row until the transaction ends: its software rows are then safe to diff and rewrite. */
export async function lockDevice(db: Queryable, deviceId: string): Promise<void> {
  await db.query('select id from devices where id = $1 for update', [deviceId]);
}
