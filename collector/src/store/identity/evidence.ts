import type { EvidenceRow } from '../../identity/evidence.js';
import type { Queryable } from '../database.js';

/** Replaces what a device presents as its identity, writing only when it changed. */
export async function replaceDeviceEvidence(db: Queryable, deviceId: string, rows: readonly EvidenceRow[]): Promise<void> {
  const keys = rows.map((r) => r.key);
  const values = rows.map((r) => r.value);
  await db.query(
    `delete from device_identity_evidence e where e.device_id = $1
        and not exists (select 1 from unnest($2::text[], $3::text[]) w(key, value) where w.key = e.key and w.value = e.value)`,
    [deviceId, keys, values],
  );
  await db.query(
    `insert into device_identity_evidence (device_id, key, value)
     select $1, key, value from unnest($2::text[], $3::text[]) w(key, value) on conflict do nothing`,
    [deviceId, keys, values],
  );
}

/** Devices (other than `except`) presenting any of this evidence, the most recently seen first, with all their evidence. */
export async function devicesSharingEvidence(
  db: Queryable, rows: readonly EvidenceRow[], except: string | null, limit: number,
): Promise<Map<string, EvidenceRow[]>> {
  const { rows: found } = await db.query<{ device_id: string; key: EvidenceRow['key']; value: string }>(
    `with candidates as (
       select d.id, d.last_seen from devices d
        where d.id in (select e.device_id from device_identity_evidence e
                        join unnest($1::text[], $2::text[]) w(key, value) on w.key = e.key and w.value = e.value)
          and ($3::uuid is null or d.id <> $3)
        order by d.last_seen desc, d.id limit $4
     )
     select c.id as device_id, e.key, e.value from candidates c join device_identity_evidence e on e.device_id = c.id
      order by c.last_seen desc, c.id`,
    [rows.map((r) => r.key), rows.map((r) => r.value), except, limit],
  );
  const byDevice = new Map<string, EvidenceRow[]>();
  for (const row of found) {
    const list = byDevice.get(row.device_id) ?? [];
    list.push({ key: row.key, value: row.value });
    byDevice.set(row.device_id, list);
  }
  return byDevice;
}

export async function deviceEvidence(db: Queryable, deviceId: string): Promise<EvidenceRow[]> {
  const { rows } = await db.query<EvidenceRow>('select key, value from device_identity_evidence where device_id = $1', [deviceId]);
  return rows;
}
