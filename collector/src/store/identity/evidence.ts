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

/**
 * Records the evidence of devices that have none (stored before evidence was kept), from what
 * their last report left, with the same exclusions as evidenceOf: so a machine known before
 * re-enrols onto its own device. Returns how many devices gained evidence.
 */
export async function backfillDeviceEvidence(db: Queryable, junk: { serials: string[]; uuids: string[]; macPrefixes: string[] }): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `with bare as (
       select d.id, replace(lower(btrim(coalesce(d.hardware_uuid, ''))), '-', '') as u, upper(btrim(coalesce(d.serial_number, ''))) as s,
              regexp_replace(lower(btrim(coalesce(d.reported_identity ->> 'machineId', ''))), '[-{}]', '', 'g') as m, d.mac_addresses, d.hardware
         from devices d
        where d.kind = 'agent' and not exists (select 1 from device_identity_evidence e where e.device_id = d.id)
     ), found as (
       select id, 'hardware_uuid' as key, u as value from bare
        where u ~ '^[0-9a-f]{32}$' and ltrim(u, '0') <> '' and ltrim(u, 'f') <> '' and not (u = any($2::text[]))
       union all
       select id, 'serial', s from bare where length(s) >= 4 and not (s = any($1::text[])) and ltrim(s, left(s, 1)) <> ''
       union all
       select id, 'machine_id', m from bare where length(m) >= 8 and ltrim(m, left(m, 1)) <> ''
       union all
       select distinct b.id, 'mac', lower(mac) from bare b, unnest(b.mac_addresses) mac
        where lower(mac) ~ '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$' and lower(mac) <> '00:00:00:00:00:00'
          and (('x' || substr(lower(mac), 1, 2))::bit(8) & b'00000010') = b'00000000'
          and not exists (select 1 from unnest($3::text[]) p where lower(mac) like p || '%')
          and not exists (select 1 from jsonb_array_elements(case when jsonb_typeof(b.hardware -> 'networkInterfaces') = 'array' then b.hardware -> 'networkInterfaces' else '[]'::jsonb end) n
                           where lower(n ->> 'mac') = lower(mac) and n ->> 'virtual' = 'true')
     ), written as (
       insert into device_identity_evidence (device_id, key, value) select id, key, value from found on conflict do nothing returning device_id
     )
     select count(distinct device_id)::int as n from written`,
    [junk.serials, junk.uuids, junk.macPrefixes],
  );
  return rows[0]?.n ?? 0;
}
