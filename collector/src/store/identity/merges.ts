import type { DeviceMerge } from '@steward/shared';
import type { Queryable } from '../database.js';
import type { DeviceSnapshot } from './device-snapshot.js';

interface MergeRow {
  id: string;
  kept_device_id: string;
  merged_device_id: string;
  merged_hostname: string;
  merged_at: Date;
  merged_by: string;
  unmerged_at: Date | null;
  unmerged_by: string | null;
}

const COLUMNS = 'id, kept_device_id, merged_device_id, merged_hostname, merged_at, merged_by, unmerged_at, unmerged_by';

export const toMerge = (r: MergeRow): DeviceMerge => ({
  id: r.id, keptDeviceId: r.kept_device_id, mergedDeviceId: r.merged_device_id, mergedHostname: r.merged_hostname,
  mergedAt: new Date(r.merged_at).toISOString(), mergedBy: r.merged_by,
  unmergedAt: r.unmerged_at ? new Date(r.unmerged_at).toISOString() : null, unmergedBy: r.unmerged_by,
});

export async function insertMerge(db: Queryable, m: { id: string; keptId: string; mergedId: string; hostname: string; by: string; snapshot: DeviceSnapshot }): Promise<DeviceMerge> {
  const { rows } = await db.query<MergeRow>(
    `insert into device_merges (id, kept_device_id, merged_device_id, merged_hostname, merged_by, snapshot)
     values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [m.id, m.keptId, m.mergedId, m.hostname, m.by, JSON.stringify(m.snapshot)],
  );
  return toMerge(rows[0]!);
}

export async function lockMerge(db: Queryable, id: string): Promise<(DeviceMerge & { snapshot: DeviceSnapshot }) | undefined> {
  const { rows } = await db.query<MergeRow & { snapshot: DeviceSnapshot }>(`select ${COLUMNS}, snapshot from device_merges where id = $1 for update`, [id]);
  return rows[0] && { ...toMerge(rows[0]), snapshot: rows[0].snapshot };
}

export async function markUnmerged(db: Queryable, id: string, by: string): Promise<DeviceMerge> {
  const { rows } = await db.query<MergeRow>(`update device_merges set unmerged_at = now(), unmerged_by = $2 where id = $1 returning ${COLUMNS}`, [id, by]);
  return toMerge(rows[0]!);
}

/** Merges still in force that folded a device into this one: un-merge those first. */
export async function mergesInto(db: Queryable, deviceId: string): Promise<DeviceMerge[]> {
  const { rows } = await db.query<MergeRow>(
    `select ${COLUMNS} from device_merges where kept_device_id = $1 and unmerged_at is null order by merged_at desc`, [deviceId]);
  return rows.map(toMerge);
}

export async function listMerges(db: Queryable, deviceId: string | undefined): Promise<DeviceMerge[]> {
  const { rows } = await db.query<MergeRow>(
    `select ${COLUMNS} from device_merges where $1::uuid is null or kept_device_id = $1 or merged_device_id = $1
      order by merged_at desc, id limit 1000`,
    [deviceId ?? null],
  );
  return rows.map(toMerge);
}

/** Locks devices for a merge; returns those that exist, with their host names. */
export async function lockDevices(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; hostname: string }>(
    'select id, hostname from devices where id = any($1::uuid[]) order by id for update', [ids]);
  return new Map(rows.map((r) => [r.id, r.hostname]));
}
