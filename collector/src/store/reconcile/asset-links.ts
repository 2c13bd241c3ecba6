import type { Queryable } from '../database.js';

/**
 * The one record of which register asset a discovered device is: `device_asset_links`. Matching
 * writes `auto` links; a person's link by hand, an asset registered for a device (from a finding
 * or the register) and an import naming the device write `manual` ones, which matching never
 * replaces. Every screen, export, report and search reads the link through these fragments.
 */
export type LinkWay = 'manual' | 'register' | 'import';

/** SQL: the device an asset (the uuid expression given) is linked to, the one seen last when several are. */
export const LINKED_DEVICE = (assetId: string) =>
  `(select l.device_id from device_asset_links l join devices ld on ld.id = l.device_id
     where l.asset_id = ${assetId} order by ld.last_seen desc, l.device_id limit 1)`;

/** SQL: the device an asset is linked to as JSON (id, hostname, how and by whom it was linked), or null. */
export const LINKED_DEVICE_JSON = (assetId: string) =>
  `(select json_build_object('id', ld.id, 'hostname', ld.hostname, 'method', l.method, 'key', l.key, 'linkedBy', l.linked_by,
           'linkedAt', to_char(l.linked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      from device_asset_links l join devices ld on ld.id = l.device_id
     where l.asset_id = ${assetId} order by ld.last_seen desc, l.device_id limit 1)`;

/** SQL: the asset a device (the uuid expression given) is linked to as JSON (id, tag, name, how), or null. */
export const LINKED_ASSET_JSON = (deviceId: string) =>
  `(select json_build_object('id', la.id, 'tag', la.tag, 'name', la.name, 'method', l.method, 'key', l.key, 'linkedBy', l.linked_by)
      from device_asset_links l join register_assets la on la.id = l.asset_id where l.device_id = ${deviceId})`;

/** SQL: the devices linked to an asset whose search text (tag, name, serial...) is LIKE the pattern given. */
export const DEVICES_LINKED_TO_MATCHING = (pattern: string) =>
  `select l.device_id from device_asset_links l join register_assets la on la.id = l.asset_id where la.search_text like ${pattern}`;

/**
 * Links a device to an asset as a person (or the register on a person's word) said: kept until a
 * person changes it, whatever matching finds later. Replaces the device's earlier link.
 */
export async function linkDevice(db: Queryable, deviceId: string, assetId: string, way: LinkWay, by: string): Promise<void> {
  await db.query(
    `insert into device_asset_links (device_id, asset_id, method, key, confidence, linked_by)
     values ($1, $2, 'manual', $3, 1, $4)
     on conflict (device_id) do update set asset_id = excluded.asset_id, method = 'manual', key = excluded.key, confidence = 1,
       linked_at = now(), linked_by = excluded.linked_by`,
    [deviceId, assetId, way, by],
  );
  await db.query('delete from device_match_reviews where device_id = $1', [deviceId]);
}

/** Unlinks every device from an asset; returns the devices that were linked. */
export async function unlinkAsset(db: Queryable, assetId: string): Promise<string[]> {
  const { rows } = await db.query<{ device_id: string }>('delete from device_asset_links where asset_id = $1 returning device_id', [assetId]);
  return rows.map((r) => r.device_id);
}

export interface ReportedLink {
  hostname: string;
  deviceKind: string;
  assetTag: string;
  assetName: string;
  method: string;
  key: string;
  linkedBy: string | null;
  linkedAt: string;
}

/** Every device with the asset it is linked to and how, for the device reconciliation report. */
export async function linksForReport(db: Queryable): Promise<ReportedLink[]> {
  const { rows } = await db.query<ReportedLink>(
    `select d.hostname, d.kind as "deviceKind", a.tag as "assetTag", a.name as "assetName", l.method, l.key, l.linked_by as "linkedBy",
            to_char(l.linked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "linkedAt"
       from device_asset_links l join devices d on d.id = l.device_id join register_assets a on a.id = l.asset_id
      order by lower(d.hostname), d.id`,
  );
  return rows;
}
