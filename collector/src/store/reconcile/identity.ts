import type { IdentityKey } from '@steward/shared';
import type { JunkIdentifiers } from '../../reconcile/identity/junk-identifiers.js';
import type { Queryable } from '../database.js';
import { tempTable } from './temp-table.js';

/** A device set: given ids, or every device when null. */
type Scope = string[] | null;

const IN_SCOPE = (column: string) => `($1::uuid[] is null or ${column} = any($1::uuid[]))`;

/** A serial that identifies something: long enough, not a placeholder, not one character repeated. */
export const USABLE_SERIAL = (expr: string, junk: string) =>
  `(length(${expr}) >= 4 and not (${expr} = any(${junk})) and ltrim(${expr}, left(${expr}, 1)) <> '')`;

/**
 * Brings the identifiers of the devices in scope up to date: hardware UUID, serial (with its
 * maker), MAC addresses, FQDN and short host name, leaving out placeholders, all-zero and all-F
 * UUIDs, locally administered and virtual-platform MACs and junk host names. Only rows that
 * changed are written.
 */
export async function refreshIdentityKeys(db: Queryable, scope: Scope, junk: JunkIdentifiers): Promise<void> {
  // One plain select per key over the normalised identifiers: a lateral VALUES list per device
  // cost more than everything else here put together.
  await tempTable(db, 'wanted_keys',
    `with vendors as (
       select m.manufacturer, reconcile_vendor_key(m.manufacturer) as vendor
         from (select distinct manufacturer from devices d where ${IN_SCOPE('d.id')} and manufacturer is not null) m
     ), x as materialized (
       select d.id, d.kind, v.vendor, replace(lower(btrim(coalesce(d.hardware_uuid, ''))), '-', '') as u,
              upper(btrim(coalesce(d.serial_number, ''))) as s, lower(split_part(btrim(d.hostname), '.', 1)) as h,
              lower(btrim(coalesce(d.fqdn, ''))) as f
         from devices d left join vendors v on v.manufacturer = d.manufacturer
        where ${IN_SCOPE('d.id')}
     )
     select id as device_id, kind, 'hardware_uuid' as key, u as value, null::text as vendor from x
      where length(u) = 32 and u !~ '[^0-9a-f]' and ltrim(u, '0') <> '' and ltrim(u, 'f') <> '' and not (u = any($3::text[]))
     union all
     select id, kind, 'serial', s, vendor from x where ${USABLE_SERIAL('s', '$2::text[]')}
     union all
     select id, kind, 'hostname', h, null from x where h <> '' and not (h = any($5::text[]))
     union all
     select id, kind, 'fqdn', f, null from x where f like '%_._%' and not (f = any($5::text[]))
     union all
     select distinct d.id, d.kind, 'mac', m, null
       from devices d, unnest(d.mac_addresses) m
      where ${IN_SCOPE('d.id')}
        and m ~ '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$'
        and substr(m, 2, 1) not in ('2', '3', '6', '7', 'a', 'b', 'e', 'f')
        and not (substr(m, 1, 8) = any($4::text[])) and not (substr(m, 1, 5) = any($4::text[]))
        and m <> '00:00:00:00:00:00'`,
    [scope, junk.serials, junk.uuids, junk.macPrefixes, junk.hostnames], { analyze: scope === null });
  // One join finds what to remove and what to add; only those rows are written.
  await tempTable(db, 'key_changes',
    `select case when k.device_id is null then 'insert' else 'delete' end as op,
            coalesce(w.device_id, k.device_id) as device_id, coalesce(w.key, k.key) as key, coalesce(w.value, k.value) as value,
            w.kind, w.vendor
       from wanted_keys w
       full join (select * from device_identity_keys where ${IN_SCOPE('device_id')}) k
         on k.device_id = w.device_id and k.key = w.key and k.value = w.value and k.kind = w.kind and coalesce(k.vendor, '') = coalesce(w.vendor, '')
      where k.device_id is null or w.device_id is null`,
    [scope]);
  await db.query(
    `delete from device_identity_keys k using key_changes c
      where c.op = 'delete' and k.device_id = c.device_id and k.key = c.key and k.value = c.value`,
  );
  await db.query(
    `insert into device_identity_keys (device_id, kind, key, value, vendor)
     select device_id, kind, key, value, vendor from key_changes where op = 'insert'
     on conflict (device_id, key, value) do update set kind = excluded.kind, vendor = excluded.vendor`,
  );
}

const CONFIDENCE = `case c.key when 'manual' then 1 when 'hardware_uuid' then 0.99 when 'serial' then c.confidence
  when 'mac' then 0.8 when 'fqdn' then 0.75 else 0.6 end`;

export interface MatchChange {
  deviceId: string;
  before: string | null;
  after: string | null;
}

/**
 * Devices a person tied to an asset lend it their identifiers (alias t, with asset_id, for the
 * device o): looked up per key for a few devices, hashed for the whole estate.
 */
const TIED = (whole: boolean) => whole
  ? `join (select l.asset_id, l.device_id from device_asset_links l where l.method = 'manual') t on t.device_id = o.device_id`
  : `cross join lateral (select l.asset_id from device_asset_links l where l.device_id = o.device_id and l.method = 'manual') t`;

/** Candidate assets of the devices in scope ($1), by every key; the keys are in match_keys. */
const CANDIDATES = (whole: boolean) => `
  select l.device_id, l.asset_id, 'manual' as key, 1.0 as confidence from device_asset_links l where l.method = 'manual' and ${IN_SCOPE('l.device_id')}
  union all
  select sk.device_id, t.asset_id, sk.key, 0
    from match_keys sk join device_identity_keys o on o.key = sk.key and o.value = sk.value
    ${TIED(whole)}
   where sk.key in ('hardware_uuid', 'mac', 'fqdn', 'hostname')
     and (sk.key <> 'mac' or not exists (select 1 from device_identity_keys x
            where x.key = 'mac' and x.value = sk.value and x.kind = sk.kind and x.device_id <> sk.device_id))
  union all
  select sk.device_id, a.id, 'serial', case when sk.vendor is null or av.vendor is null then 0.85 else 0.95 end
    from match_keys sk join register_assets a on lower(a.serial) = lower(sk.value)
    left join register_models rm on rm.id = a.model_id
    left join lateral (select reconcile_vendor_key(mf.name) as vendor from register_manufacturers mf where mf.id = rm.manufacturer_id) av on true
   where sk.key = 'serial' and (sk.vendor is null or av.vendor is null or sk.vendor = av.vendor)
  union all
  select sk.device_id, a.id, 'hostname', 0 from match_keys sk join register_assets a on lower(a.name) = sk.value where sk.key = 'hostname'`;

const BEST = `
  select distinct on (r.device_id) r.* from (
    select c.device_id, c.key, count(distinct c.asset_id)::int as n, array_agg(distinct c.asset_id order by c.asset_id) as ids,
           max(${CONFIDENCE}) as confidence
      from match_candidates c group by c.device_id, c.key
  ) r
  where r.key = 'manual' or array_position($1::text[], r.key) is not null
  order by r.device_id, case r.key when 'manual' then -1 else array_position($1::text[], r.key) end`;

/**
 * Matches the devices in scope to register assets by the strongest key that finds any: the
 * link a person made (by hand or by registering the device), then the configured keys in order. One asset found makes
 * a link (with its key and confidence); several make a review for a person, never a merge. A MAC
 * address seen on several devices of one kind (a docking station, a USB adapter) is no key.
 * Returns the devices whose asset changed.
 */
export async function matchDevices(db: Queryable, scope: Scope, order: IdentityKey[]): Promise<MatchChange[]> {
  // Scoped to a few devices, the statements find them by index through the scope parameter; for
  // the whole estate, statistics on the intermediate tables keep the joins hashed.
  const analyze = scope === null;
  // The keys are analysed even for one device: joined to the register, a guess at their number
  // makes the planner read every asset.
  await tempTable(db, 'match_keys', `select k.* from device_identity_keys k where ${IN_SCOPE('k.device_id')}`, [scope], { analyze: true });
  await tempTable(db, 'match_candidates', CANDIDATES(scope === null), [scope], { analyze });
  await tempTable(db, 'match_best', BEST, [order], { analyze });
  await tempTable(db, 'match_before', `select l.device_id, l.asset_id, l.method from device_asset_links l where ${IN_SCOPE('l.device_id')}`, [scope], { analyze });
  await db.query(
    `insert into device_asset_links (device_id, asset_id, method, key, confidence)
     select b.device_id, b.ids[1], 'auto', b.key, b.confidence from match_best b where b.n = 1 and b.key <> 'manual'
     on conflict (device_id) do update set asset_id = excluded.asset_id, key = excluded.key, confidence = excluded.confidence,
       linked_at = case when device_asset_links.asset_id = excluded.asset_id then device_asset_links.linked_at else now() end
     where device_asset_links.method = 'auto'
       and (device_asset_links.asset_id, device_asset_links.key, device_asset_links.confidence)
           is distinct from (excluded.asset_id, excluded.key, excluded.confidence)`,
  );
  await db.query(
    `delete from device_asset_links l
      where ${IN_SCOPE('l.device_id')} and l.method = 'auto'
        and not exists (select 1 from match_best b where b.device_id = l.device_id and b.n = 1 and b.key <> 'manual')`,
    [scope],
  );
  await db.query(
    `delete from device_match_reviews v
      where ${IN_SCOPE('v.device_id')} and not exists (select 1 from match_best b where b.device_id = v.device_id and b.n > 1)`,
    [scope],
  );
  await db.query(
    `insert into device_match_reviews (device_id, key, candidates)
     select b.device_id, b.key, b.ids from match_best b where b.n > 1
     on conflict (device_id) do update set key = excluded.key, candidates = excluded.candidates
     where (device_match_reviews.key, device_match_reviews.candidates) is distinct from (excluded.key, excluded.candidates)`,
  );
  const { rows } = await db.query<{ device_id: string; before: string | null; after: string | null }>(
    `select coalesce(bf.device_id, b.device_id) as device_id, bf.asset_id as before,
            case when bf.method = 'manual' then bf.asset_id when b.n = 1 then b.ids[1] end as after
       from match_before bf full join match_best b on b.device_id = bf.device_id
      where bf.asset_id is distinct from (case when bf.method = 'manual' then bf.asset_id when b.n = 1 then b.ids[1] end)`,
  );
  return rows.map((r) => ({ deviceId: r.device_id, before: r.before, after: r.after }));
}

/** The usable MAC addresses stored for a device. */
export async function deviceMacs(db: Queryable, deviceId: string): Promise<string[]> {
  const { rows } = await db.query<{ value: string }>("select value from device_identity_keys where device_id = $1 and key = 'mac'", [deviceId]);
  return rows.map((r) => r.value);
}

/** Devices other than this one that have any of the MAC addresses. */
export async function devicesWithMacs(db: Queryable, deviceId: string, macs: string[]): Promise<string[]> {
  if (macs.length === 0) return [];
  const { rows } = await db.query<{ device_id: string }>(
    "select distinct device_id from device_identity_keys where key = 'mac' and value = any($1::text[]) and device_id <> $2",
    [macs, deviceId],
  );
  return rows.map((r) => r.device_id);
}

export async function deviceExists(db: Queryable, deviceId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from devices where id = $1', [deviceId]);
  return rows.length > 0;
}

export async function assetExistsForLink(db: Queryable, assetId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from register_assets where id = $1', [assetId]);
  return rows.length > 0;
}

export async function deviceForRegistration(db: Queryable, deviceId: string) {
  const { rows } = await db.query<{ hostname: string; serial_number: string | null }>(
    'select hostname, serial_number from devices where id = $1', [deviceId]);
  return rows[0];
}

/** Devices whose MAC addresses a switch has learned: their location findings depend on it. */
export async function devicesSeenBySwitch(db: Queryable, switchId: string): Promise<string[]> {
  const { rows } = await db.query<{ device_id: string }>(
    `select distinct k.device_id from snmp_forwarding f
       join device_identity_keys k on k.key = 'mac' and k.value = f.mac
      where f.device_id = $1 and k.device_id <> $1`,
    [switchId],
  );
  return rows.map((r) => r.device_id);
}
