import type { AssetLookupQuery } from '@steward/shared';
import type { Queryable } from '../database.js';
import { LINKED_DEVICE } from '../reconcile/asset-links.js';

export interface LookupAssetRow {
  id: string;
  tag: string;
  name: string;
  status: string;
  serial: string | null;
  category: string;
  model: string | null;
  manufacturer: string | null;
  location: string | null;
  department: string | null;
  device_id: string | null;
  hostname: string | null;
  assigned_type: string | null;
  assigned_id: string | null;
  assigned_name: string | null;
  expected_return: string | null;
  warranty_expires: string | null;
}

const TARGET_NAME = (type: string, id: string) => `case ${type}
    when 'person' then (select p.name from register_people p where p.id = ${id})
    when 'department' then (select d.name from register_departments d where d.id = ${id})
    when 'location' then (select l.name from register_locations l where l.id = ${id})
    when 'asset' then (select t.tag || ' ' || t.name from register_assets t where t.id = ${id})
  end`;

/** Which assets a helpdesk lookup names. */
function matchClause(q: AssetLookupQuery): string {
  if (q.tag) return 'lower(a.tag) = lower($1)';
  if (q.serial) return 'lower(a.serial) = lower($1)';
  if (q.hostname) {
    const devices = `select id from devices where lower(hostname) = lower($1) or lower(fqdn) = lower($1)`;
    return `a.id in (select asset_id from device_asset_links where device_id in (${devices}))`;
  }
  return `a.assigned_type = 'person' and a.assigned_id in (select id from register_people where lower(username) = lower($1) or lower(email) = lower($1))`;
}

export async function lookupAssets(db: Queryable, q: AssetLookupQuery, limit = 50): Promise<LookupAssetRow[]> {
  const value = q.tag ?? q.serial ?? q.hostname ?? q.user;
  const device = LINKED_DEVICE('a.id');
  const { rows } = await db.query<LookupAssetRow>(
    `select a.id, a.tag, a.name, a.status, a.serial, c.name as category, m.name as model, mf.name as manufacturer, loc.name as location,
            dep.name as department, ${device} as device_id, (select d.hostname from devices d where d.id = ${device}) as hostname,
            a.assigned_type, a.assigned_id, ${TARGET_NAME('a.assigned_type', 'a.assigned_id')} as assigned_name,
            a.expected_return::text as expected_return, a.warranty_expires::text as warranty_expires
       from register_assets a
       join register_categories c on c.id = a.category_id
       left join register_models m on m.id = a.model_id
       left join register_manufacturers mf on mf.id = m.manufacturer_id
       left join register_locations loc on loc.id = a.location_id
       left join register_departments dep on dep.id = a.department_id
      where ${matchClause(q)}
      order by a.tag limit $2`,
    [value, limit],
  );
  return rows;
}

export interface LookupAssignmentRow {
  asset_id: string;
  target_type: string;
  target_name: string | null;
  checked_out_at: Date;
  checked_in_at: Date | null;
}

export async function assignmentsOfAssets(db: Queryable, assetIds: string[]): Promise<LookupAssignmentRow[]> {
  const { rows } = await db.query<LookupAssignmentRow>(
    `select g.asset_id, g.target_type, ${TARGET_NAME('g.target_type', 'g.target_id')} as target_name, g.checked_out_at, g.checked_in_at
       from register_assignments g where g.asset_id = any($1::uuid[]) order by g.checked_out_at desc`,
    [assetIds],
  );
  return rows;
}

export interface LookupAlertRow {
  id: string;
  subject_id: string;
  kind: string;
  severity: string;
  summary: string;
}

export async function liveAlertsAbout(db: Queryable, subjectIds: string[]): Promise<LookupAlertRow[]> {
  const { rows } = await db.query<LookupAlertRow>(
    `select a.id, a.subject_id, r.kind, a.severity, a.summary from alerts a join alert_rules r on r.id = a.rule_id
      where a.state <> 'resolved' and a.subject_id = any($1::text[]) order by a.first_detected`,
    [subjectIds],
  );
  return rows;
}
