import type { Queryable } from '../database.js';
import type { RecordTable } from './record-table.js';
import { pathOf } from './tree-sql.js';

export const auditRoundsTable: RecordTable = {
  table: 'register_audit_rounds',
  objectType: 'audit_round',
  fields: {
    id: { column: 'id', type: 'uuid', readOnly: true },
    locationId: { column: 'location_id', type: 'uuid' },
    includeSublocations: { column: 'include_sublocations', type: 'bool' },
    note: { column: 'note', type: 'text' },
    startedAt: { column: 'started_at', type: 'timestamptz', readOnly: true },
    startedBy: { column: 'started_by', type: 'text' },
    closedAt: { column: 'closed_at', type: 'timestamptz', readOnly: true },
    closedBy: { column: 'closed_by', type: 'text', readOnly: true },
  },
  computed: {
    locationName: pathOf('register_locations', 't.location_id'),
    scans: '(select count(*)::int from register_audit_scans s where s.round_id = t.id)',
  },
  sorts: { startedAt: 't.started_at' },
  search: (p) => `lower(coalesce(t.note, '') || ' ' || t.started_by) like ${p}`,
  filters: { locationId: (p) => `t.location_id = any(${p}::uuid[])`, open: (p) => `(t.closed_at is null) = ${p}::boolean` },
};

/** An asset as an audit sees it: where the register says it is, and where it was scanned. */
export interface AuditedAsset {
  assetId: string;
  tag: string;
  name: string;
  recordedLocationId: string | null;
  recordedLocation: string | null;
  scannedLocationId: string | null;
  scannedLocation: string | null;
}

/** Statuses of assets that should physically be where the register says. */
const ON_SITE = ['received', 'in_stock', 'deployed', 'in_repair'];

export async function readExpectedAssets(db: Queryable, locationIds: string[]): Promise<AuditedAsset[]> {
  const { rows } = await db.query<AuditedAsset>(
    `select a.id as "assetId", a.tag, a.name, a.location_id as "recordedLocationId", ${pathOf('register_locations', 'a.location_id')} as "recordedLocation",
            null as "scannedLocationId", null as "scannedLocation"
       from register_assets a where a.location_id = any($1::uuid[]) and a.status = any($2::text[]) order by a.tag`,
    [locationIds, ON_SITE],
  );
  return rows;
}

/** Each asset scanned in a round, at the place of its latest scan. */
export async function readScannedAssets(db: Queryable, roundId: string): Promise<AuditedAsset[]> {
  const { rows } = await db.query<AuditedAsset>(
    `select distinct on (s.asset_id) a.id as "assetId", a.tag, a.name,
            a.location_id as "recordedLocationId", ${pathOf('register_locations', 'a.location_id')} as "recordedLocation",
            s.location_id as "scannedLocationId", ${pathOf('register_locations', 's.location_id')} as "scannedLocation"
       from register_audit_scans s join register_assets a on a.id = s.asset_id
      where s.round_id = $1 order by s.asset_id, s.scanned_at desc, s.id desc`,
    [roundId],
  );
  return rows;
}

export async function readUnknownTags(db: Queryable, roundId: string): Promise<string[]> {
  const { rows } = await db.query<{ tag: string }>(
    'select distinct tag from register_audit_scans where round_id = $1 and asset_id is null order by tag',
    [roundId],
  );
  return rows.map((r) => r.tag);
}

export async function insertAuditScan(
  db: Queryable,
  scan: { roundId: string; tag: string; assetId: string | null; locationId: string; scannedBy: string },
): Promise<void> {
  await db.query(
    'insert into register_audit_scans (round_id, tag, asset_id, location_id, scanned_by) values ($1, $2, $3, $4, $5)',
    [scan.roundId, scan.tag, scan.assetId, scan.locationId, scan.scannedBy],
  );
}

export async function closeAuditRound(db: Queryable, id: string, by: string): Promise<void> {
  await db.query('update register_audit_rounds set closed_at = now(), closed_by = $2 where id = $1', [id, by]);
}

/** Locks a round for a scan or its closing; undefined when there is no such round. */
export async function lockAuditRound(db: Queryable, id: string) {
  const { rows } = await db.query<{ locationId: string; includeSublocations: boolean; closed: boolean }>(
    `select location_id as "locationId", include_sublocations as "includeSublocations", closed_at is not null as closed
       from register_audit_rounds where id = $1 for update`,
    [id],
  );
  return rows[0];
}
