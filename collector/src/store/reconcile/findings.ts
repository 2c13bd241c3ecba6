import type { Finding, FindingState, FindingType } from '@steward/shared';
import type { JunkIdentifiers } from '../../reconcile/identity/junk-identifiers.js';
import type { Queryable } from '../database.js';
import { USABLE_SERIAL } from './identity.js';
import { tempTable } from './temp-table.js';

const LAST_USER = 'd.last_user';
const ALNUM = (expr: string) => `regexp_replace(lower(coalesce(${expr}, '')), '[^a-z0-9]', '', 'g')`;

/** Buildings of locations, and where switches have placed the devices: for location mismatches. */
const LOCATION_CTES = `
  up (start, id, parent_id, kind, depth) as (
    select l.id, l.id, l.parent_id, l.kind, 0 from register_locations l
    union all
    select u.start, p.id, p.parent_id, p.kind, u.depth + 1 from up u join register_locations p on p.id = u.parent_id where u.depth < 32
  ),
  -- The building a location is in (or its site when no building is recorded): the unit a switch port places a device in.
  building as (
    select distinct on (start) start as location_id, id as building_id from up where kind in ('building', 'site')
     order by start, (kind = 'building') desc, depth
  ),
  -- Where a switch has learned a device's MAC on an access port (two addresses at most), and where that switch is.
  port_sightings as (
    select distinct on (l.device_id) l.device_id, f.device_id as switch_id, coalesce(f.if_name, f.bridge_port::text) as port, sa.location_id as switch_location
      from linked l
      join device_identity_keys k on k.device_id = l.device_id and k.key = 'mac'
      join snmp_forwarding f on f.mac = k.value and f.device_id <> l.device_id and coalesce(f.status, 'learned') not in ('self', 'invalid', 'mgmt')
      join device_asset_links sl on sl.device_id = f.device_id
      join register_assets sa on sa.id = sl.asset_id
     where sa.location_id is not null
       and (select count(distinct f2.mac) from snmp_forwarding f2 where f2.device_id = f.device_id and f2.bridge_port = f.bridge_port) <= 2
     order by l.device_id, f.seen_at desc, f.device_id
  ),
`;

const LOCATION_CAUSE = `
    union all
    select 'mismatch:location:' || l.asset_id || ':' || l.device_id, 'mismatch', 'location', l.device_id, l.asset_id,
           format('%s is connected to %s port %s in %s, but asset %s is registered in %s', d.hostname, sw.hostname, ps.port, sloc.name, a.tag, aloc.name),
           jsonb_build_object('hostname', d.hostname, 'tag', a.tag, 'switch', sw.hostname, 'port', ps.port, 'seenIn', sloc.name, 'registeredIn', aloc.name)
      from linked l join dev d on d.id = l.device_id join register_assets a on a.id = l.asset_id
      join port_sightings ps on ps.device_id = l.device_id join devices sw on sw.id = ps.switch_id
      join building ab on ab.location_id = a.location_id join building sb on sb.location_id = ps.switch_location
      join register_locations aloc on aloc.id = ab.building_id join register_locations sloc on sloc.id = sb.building_id
     where ab.building_id <> sb.building_id
`;

/**
 * Questions about a device's identity a person has not settled: a possible duplicate of another
 * device, or an agent that took over a registered machine (until it is accepted or revoked).
 */
const IDENTITY_CAUSE = `    union all
    select 'duplicate:' || v.id, 'duplicate', v.kind, v.device_id, null,
           case v.kind when 'claimed' then format('a second agent presented the identity of %s: confirm it is the same machine, or revoke the agent', d.hostname)
                else format('%s may be the same machine as %s (%s)', d.hostname, o.hostname, v.rule) end,
           jsonb_build_object('reviewId', v.id, 'otherDeviceId', v.other_device_id, 'otherHostname', o.hostname, 'agentId', v.agent_id,
                              'rule', v.rule, 'evidence', v.evidence)
      from device_identity_reviews v join dev d on d.id = v.device_id left join devices o on o.id = v.other_device_id
     where v.state = 'open' and (v.other_device_id is null or o.id is not null)
       and (v.agent_id is null or exists (select 1 from agents a where a.id = v.agent_id and a.revoked_at is null))
`;

/**
 * When each asset was last seen (ls.last_seen, by any device linked to it) and last deployed
 * (dep.at): looked up per asset for a few, aggregated once for the whole register.
 */
const SIGHTINGS = (whole: boolean) => whole
  ? `left join (select l.asset_id, max(d.last_seen) as last_seen from device_asset_links l join devices d on d.id = l.device_id
               group by l.asset_id) ls on ls.asset_id = a.id
     left join (select t.asset_id, max(t.at) as at from register_transitions t where t.to_status = 'deployed'
               group by t.asset_id) dep on dep.asset_id = a.id`
  : `left join lateral (select max(d.last_seen) as last_seen from device_asset_links l join devices d on d.id = l.device_id where l.asset_id = a.id) ls on true
     left join lateral (select max(t.at) as at from register_transitions t where t.asset_id = a.id and t.to_status = 'deployed') dep on true`;

/**
 * Everything that is wrong now, for the devices in finding_devices and the assets in finding_assets: discovered devices with no asset, matches a person must decide, linked
 * devices that disagree with their asset (serial, model, who uses it), and deployed assets no
 * discovery has seen for their category's number of days.
 */
const CAUSES = (whole: boolean, location: boolean) => `
  dev as (select d.* from devices d where $4::uuid[] is null or d.id = any($4::uuid[])),
  linked as (select * from finding_links),
  asset_scope as (select id from finding_assets),
${location ? LOCATION_CTES : ''}  causes as (
    select 'unregistered:' || d.id as key, 'unregistered' as type, null::text as subtype, d.id as device_id, null::uuid as asset_id,
           format('%s (%s) is not in the register', d.hostname, case d.kind when 'snmp' then 'SNMP' else 'agent' end) as summary,
           jsonb_build_object('hostname', d.hostname, 'kind', d.kind, 'serial', d.serial_number, 'manufacturer', d.manufacturer, 'model', d.model) as details
      from dev d
     where not exists (select 1 from device_asset_links l where l.device_id = d.id)
       and not exists (select 1 from device_match_reviews v where v.device_id = d.id)
    union all
    select 'ambiguous:' || v.device_id, 'ambiguous', v.key, v.device_id, null,
           format('%s matches %s register assets by %s', d.hostname, cardinality(v.candidates), v.key),
           jsonb_build_object('hostname', d.hostname, 'key', v.key, 'candidates', to_jsonb(v.candidates))
      from device_match_reviews v join dev d on d.id = v.device_id
${IDENTITY_CAUSE}    union all
    select 'mismatch:serial:' || l.asset_id || ':' || l.device_id, 'mismatch', 'serial', l.device_id, l.asset_id,
           format('%s reports serial %s but asset %s is registered with serial %s', d.hostname, k.value, a.tag, a.serial),
           jsonb_build_object('hostname', d.hostname, 'tag', a.tag, 'deviceSerial', k.value, 'assetSerial', a.serial, 'matchedBy', l.key)
      from linked l join dev d on d.id = l.device_id join register_assets a on a.id = l.asset_id
      join device_identity_keys k on k.device_id = l.device_id and k.key = 'serial'
      cross join lateral (select upper(btrim(coalesce(a.serial, ''))) as s) x
     where l.key <> 'serial' and ${USABLE_SERIAL('x.s', '$1::text[]')} and x.s <> k.value
    union all
    select 'mismatch:model:' || l.asset_id || ':' || l.device_id, 'mismatch', 'model', l.device_id, l.asset_id,
           format('%s reports model %s but asset %s is registered as %s', d.hostname, d.model, a.tag, rm.name),
           jsonb_build_object('hostname', d.hostname, 'tag', a.tag, 'deviceModel', d.model, 'assetModel', rm.name, 'modelNumber', rm.model_number)
      from linked l join dev d on d.id = l.device_id join register_assets a on a.id = l.asset_id join register_models rm on rm.id = a.model_id
      cross join lateral (select ${ALNUM('d.model')} as dm, ${ALNUM('rm.name')} as am, ${ALNUM('rm.model_number')} as an) x
     where length(x.dm) >= 3 and not (upper(btrim(d.model)) = any($2::text[])) and x.am <> ''
       and position(x.dm in x.am) = 0 and position(x.am in x.dm) = 0
       and (x.an = '' or (position(x.dm in x.an) = 0 and position(x.an in x.dm) = 0))
    union all
    select 'mismatch:assignee-elsewhere:' || l.asset_id || ':' || l.device_id, 'mismatch', 'assignee-elsewhere', l.device_id, l.asset_id,
           format('asset %s is assigned to %s but %s is used by %s', a.tag, p.name, d.hostname, x.u),
           jsonb_build_object('hostname', d.hostname, 'tag', a.tag, 'assignee', p.username, 'seenUser', x.u)
      from linked l join dev d on d.id = l.device_id join register_assets a on a.id = l.asset_id
      join register_people p on a.assigned_type = 'person' and p.id = a.assigned_id
      cross join lateral (select ${LAST_USER} as u) x
     where x.u is not null and p.username is not null and x.u <> lower(p.username)
       and x.u <> lower(split_part(coalesce(p.email, ''), '@', 1))
${location ? LOCATION_CAUSE : ''}    union all
    select 'missing:' || a.id, 'missing', null, null, a.id,
           format('%s (%s) is deployed but no discovery has seen it for more than %s days', a.tag, a.name, c.missing_after_days),
           jsonb_build_object('tag', a.tag, 'name', a.name, 'lastSeen', ls.last_seen, 'days', c.missing_after_days)
      from register_assets a join asset_scope s on s.id = a.id join register_categories c on c.id = a.category_id
      ${SIGHTINGS(whole)}
     where a.status = 'deployed' and c.kind in ('hardware', 'networking')
       and coalesce(greatest(ls.last_seen, dep.at), a.created_at) < $3::timestamptz - make_interval(days => c.missing_after_days)
${whole ? DISCOVERED_ITEM_CAUSES : ''}  )`;

/**
 * Certificates presented on the network and watched domains that the register does not keep: found
 * like unregistered devices, they belong to no device, so only a whole run weighs them.
 */
const DISCOVERED_ITEM_CAUSES = `
    union all
    select 'unregistered:certificate:' || c.fingerprint_sha256, 'unregistered', 'certificate', null::uuid, null::uuid,
           format('TLS certificate %s presented on %s is not in the register', coalesce(c.common_name, c.subject),
                  (select string_agg(e.host || ':' || e.port, ', ' order by e.host, e.port) from tls_endpoints e where e.certificate_id = c.id)),
           jsonb_build_object('certificateId', c.id, 'subject', c.subject, 'issuer', c.issuer, 'notAfter', c.not_after)
      from tls_certificates c
     where c.asset_id is null and exists (select 1 from tls_endpoints e where e.certificate_id = c.id)
    union all
    select 'unregistered:domain:' || d.name, 'unregistered', 'domain', null::uuid, null::uuid,
           format('domain %s is not in the register', d.name),
           jsonb_build_object('domain', d.name, 'registrar', d.registrar, 'expiresOn', d.expires_on)
      from domains d
     where d.asset_id is null
`;

/**
 * Opens findings for causes that appeared, reopens resolved ones whose cause came back, and
 * resolves open or acknowledged ones whose cause went away, for the devices in scope (null for
 * all) and the assets linked to them or named in extraAssets. Dismissed findings stay dismissed.
 */
export async function refreshFindings(db: Queryable, scope: string[] | null, extraAssets: string[], junk: JunkIdentifiers, now: Date): Promise<void> {
  const full = scope === null;
  await tempTable(db, 'finding_links',
    'select l.device_id, l.asset_id, l.key from device_asset_links l where $1::uuid[] is null or l.device_id = any($1::uuid[])', [scope], { analyze: true });
  await tempTable(db, 'finding_assets',
    `select a.id from register_assets a where $1::boolean
     union select asset_id from finding_links
     union select unnest($2::uuid[])`, [full, extraAssets], { analyze: true });
  // A location mismatch needs a switch that has seen the device: without one, the statement is
  // planned without that part, which is most of the planning.
  const location = full || await seenOnSwitches(db, scope);
  await tempTable(db, 'finding_causes', `with recursive ${CAUSES(full, location)} select * from causes`, [junk.serials, junk.models, now, scope], { analyze: full });
  await db.query(
    `insert into findings (id, key, type, subtype, device_id, asset_id, summary, details, first_detected, last_detected, updated_at)
     select gen_random_uuid(), key, type, subtype, device_id, asset_id, summary, details, $1, $1, $1 from finding_causes
     on conflict (key) do update set summary = excluded.summary, details = excluded.details, device_id = excluded.device_id,
       asset_id = excluded.asset_id, last_detected = excluded.last_detected,
       state = case when findings.state = 'resolved' then 'open' else findings.state end,
       resolved_at = case when findings.state = 'resolved' then null else findings.resolved_at end,
       updated_at = case when findings.state = 'resolved' then excluded.updated_at else findings.updated_at end,
       updated_by = case when findings.state = 'resolved' then null else findings.updated_by end
     where findings.state = 'resolved' or (findings.summary, findings.details) is distinct from (excluded.summary, excluded.details)
        or findings.last_detected < excluded.last_detected - interval '1 hour'`,
    [now],
  );
  await db.query(
    `update findings f set state = 'resolved', resolved_at = $2, updated_at = $2, updated_by = null,
            asset_id = coalesce(f.asset_id, (select l.asset_id from device_asset_links l where l.device_id = f.device_id))
      where f.state in ('open', 'acknowledged')
        and ($1::uuid[] is null or f.device_id = any($1::uuid[]) or (f.type = 'missing' and f.asset_id in (select id from finding_assets)))
        and not exists (select 1 from finding_causes c where c.key = f.key)`,
    [scope, now],
  );
}

async function seenOnSwitches(db: Queryable, scope: string[] | null): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from device_identity_keys k join snmp_forwarding f on f.mac = k.value
      where k.key = 'mac' and ($1::uuid[] is null or k.device_id = any($1::uuid[])) limit 1`,
    [scope],
  );
  return rows.length > 0;
}

interface FindingRow {
  id: string;
  type: FindingType;
  subtype: string | null;
  state: FindingState;
  device_id: string | null;
  asset_id: string | null;
  summary: string;
  details: Record<string, unknown>;
  reason: string | null;
  first_detected: Date;
  last_detected: Date;
  resolved_at: Date | null;
  updated_by: string | null;
  asset_tag?: string | null;
  total?: number;
}

const FINDING_COLUMNS = 'id, type, subtype, state, device_id, asset_id, summary, details, reason, first_detected, last_detected, resolved_at, updated_by';
/** The finding's asset tag, read with the finding (its table aliased `findings`). */
const ASSET_TAG = '(select a.tag from register_assets a where a.id = findings.asset_id) as asset_tag';

function toFinding(r: FindingRow): Finding {
  return {
    id: r.id, type: r.type, subtype: r.subtype, state: r.state, deviceId: r.device_id, assetId: r.asset_id, assetTag: r.asset_tag ?? null, summary: r.summary,
    details: r.details, reason: r.reason, firstDetected: new Date(r.first_detected).toISOString(),
    lastDetected: new Date(r.last_detected).toISOString(), resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    updatedBy: r.updated_by,
  };
}

export async function listFindings(db: Queryable, q: { type?: FindingType; state?: FindingState; deviceId?: string; assetId?: string; limit: number; offset: number }) {
  const { rows } = await db.query<FindingRow>(
    `select ${FINDING_COLUMNS}, ${ASSET_TAG}, count(*) over ()::int as total from findings
      where ($1::text is null or type = $1) and ($2::text is null or state = $2)
        and ($3::uuid is null or device_id = $3) and ($4::uuid is null or asset_id = $4)
      order by case state when 'open' then 0 when 'acknowledged' then 1 when 'dismissed' then 2 else 3 end, last_detected desc, id
      limit $5 offset $6`,
    [q.type ?? null, q.state ?? null, q.deviceId ?? null, q.assetId ?? null, q.limit, q.offset],
  );
  return { items: rows.map(toFinding), total: rows[0]?.total ?? 0 };
}

export async function lockFinding(db: Queryable, id: string): Promise<Finding | undefined> {
  const { rows } = await db.query<FindingRow>(`select ${FINDING_COLUMNS} from findings where id = $1 for update`, [id]);
  return rows[0] && toFinding(rows[0]);
}

export async function getFinding(db: Queryable, id: string): Promise<Finding | undefined> {
  const { rows } = await db.query<FindingRow>(`select ${FINDING_COLUMNS}, ${ASSET_TAG} from findings where id = $1`, [id]);
  return rows[0] && toFinding(rows[0]);
}

export async function setFindingState(db: Queryable, id: string, state: FindingState, by: string, reason: string | null, now: Date): Promise<void> {
  await db.query(
    `update findings set state = $2, reason = $3, updated_by = $4, updated_at = $5::timestamptz,
            resolved_at = case when $2 = 'resolved' then $5::timestamptz else null end
      where id = $1`,
    [id, state, reason, by, now],
  );
}

/** A finding that a person's action resolved names the asset it went to and who resolved it. */
export async function noteFindingResolver(db: Queryable, id: string, assetId: string, by: string): Promise<void> {
  await db.query("update findings set asset_id = coalesce(asset_id, $2), updated_by = $3 where id = $1 and state = 'resolved'", [id, assetId, by]);
}

export async function countOpenFindings(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from findings where state in ('open', 'acknowledged')");
  return rows[0]?.n ?? 0;
}

export interface ReportedFinding extends Finding {
  hostname: string | null;
  deviceKind: string | null;
  assetTag: string | null;
  assetName: string | null;
}

/** Findings not resolved, with the device and asset they are about, for the device reconciliation report. */
export async function findingsForReport(db: Queryable): Promise<ReportedFinding[]> {
  const { rows } = await db.query<FindingRow & { hostname: string | null; kind: string | null; tag: string | null; asset_name: string | null }>(
    `select ${FINDING_COLUMNS.split(', ').map((c) => `f.${c}`).join(', ')}, d.hostname, d.kind, a.tag, a.name as asset_name
       from findings f left join devices d on d.id = f.device_id left join register_assets a on a.id = f.asset_id
      where f.state <> 'resolved'
      order by f.type, f.subtype nulls first, f.state, lower(coalesce(d.hostname, a.tag, '')), f.id`,
  );
  return rows.map((r) => ({ ...toFinding(r), hostname: r.hostname, deviceKind: r.kind, assetTag: r.tag, assetName: r.asset_name }));
}

/**
 * Whether an asset linked to the device is open as missing: a report from the device then settles
 * that finding, so its reconciliation cannot skip the findings even when only software moved.
 */
export async function deviceAssetOpenAsMissing(db: Queryable, deviceId: string): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from device_asset_links l join findings f on f.asset_id = l.asset_id
      where l.device_id = $1 and f.type = 'missing' and f.state in ('open', 'acknowledged') limit 1`,
    [deviceId],
  );
  return rows.length > 0;
}
