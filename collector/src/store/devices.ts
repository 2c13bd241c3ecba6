import type { DeviceDetail, DeviceListQuery, DeviceStatistics, DeviceSummary, LinkedAsset, SoftwareEntry } from '@steward/shared';
import type { Queryable } from './database.js';
import { SOFTWARE_ENTRY_COLUMNS, toSoftwareEntry, type SoftwareEntryRow } from './software.js';
import { escapeLike } from './escape-like.js';
import { LINKED_ASSET_JSON, DEVICES_LINKED_TO_MATCHING } from './reconcile/asset-links.js';

/** The expression the trigram index covers; searches must use it verbatim to be served by it. */
const SEARCH_TEXT = `lower(hostname || ' ' || coalesce(fqdn, '') || ' ' || coalesce(serial_number, '') || ' ' || coalesce(model, '') || ' ' || coalesce(os_name, ''))`;

const SORT_COLUMNS: Record<DeviceListQuery['sort'], string> = {
  hostname: 'lower(d.hostname)',
  lastSeen: 'd.last_seen',
  softwareCount: 'd.software_count',
  os: 'd.os_name',
};

/**
 * How long a report alone keeps an agent online. Heartbeats set `online_until` themselves, from the
 * interval the collector gave the agent.
 */
export const ONLINE_WITHIN_SECONDS = 180;

interface DeviceRow {
  id: string;
  kind: 'agent' | 'snmp' | 'ssh';
  hostname: string;
  fqdn: string | null;
  serial_number: string | null;
  hardware_uuid: string | null;
  manufacturer: string | null;
  model: string | null;
  os_name: string | null;
  os_version: string | null;
  mac_addresses: string[];
  software_count: number;
  first_seen: Date;
  last_seen: Date;
  online: boolean;
  agent_id: string | null;
  asset: LinkedAsset | null;
}

const SUMMARY_COLUMNS = `d.id, d.kind, d.hostname, d.fqdn, d.serial_number, d.hardware_uuid, d.manufacturer, d.model,
  d.os_name, d.os_version, d.mac_addresses, d.software_count, d.first_seen, d.last_seen,
  (exists (select 1 from agents a where a.device_id = d.id and a.revoked_at is null
           and a.online_until > now())
   or coalesce((select t.up from snmp_targets t where t.device_id = d.id), false)) as online,
  (select a.id from agents a where a.device_id = d.id and a.revoked_at is null order by a.enrolled_at desc limit 1) as agent_id,
  ${LINKED_ASSET_JSON('d.id')} as asset`;

function toSummary(row: DeviceRow): DeviceSummary {
  return {
    id: row.id,
    kind: row.kind,
    hostname: row.hostname,
    fqdn: row.fqdn,
    serialNumber: row.serial_number,
    hardwareUuid: row.hardware_uuid,
    manufacturer: row.manufacturer,
    model: row.model,
    osName: row.os_name,
    osVersion: row.os_version,
    macAddresses: row.mac_addresses ?? [],
    softwareCount: row.software_count,
    firstSeen: new Date(row.first_seen).toISOString(),
    lastSeen: new Date(row.last_seen).toISOString(),
    online: row.online,
    agentId: row.agent_id,
    asset: row.asset,
  };
}

/** The WHERE and ORDER BY of a devices query, with its parameters: the list and the export share them. */
function deviceSelection(query: Pick<DeviceListQuery, 'search' | 'kind' | 'sort' | 'order'>): { filter: string; order: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    params.push(`%${escapeLike(query.search.toLowerCase())}%`);
    // A device is also found by the tag, serial or name of the asset it is linked to. A union
    // rather than an OR, so that each side is read through its own trigram index.
    const pattern = `$${params.length}`;
    where.push(`d.id in (select x.id from devices x where ${SEARCH_TEXT.replace(/\b(hostname|fqdn|serial_number|model|os_name)\b/g, 'x.$1')} like ${pattern}
      union all ${DEVICES_LINKED_TO_MATCHING(pattern)})`);
  }
  if (query.kind) {
    params.push(query.kind);
    where.push(`d.kind = $${params.length}`);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const order = `${SORT_COLUMNS[query.sort]} ${query.order === 'desc' ? 'desc' : 'asc'} nulls last, d.id`;
  return { filter, order, params };
}

export async function listDevices(db: Queryable, query: DeviceListQuery): Promise<{ items: DeviceSummary[]; total: number }> {
  const { filter, order, params } = deviceSelection(query);
  const [page, count] = await Promise.all([
    db.query<DeviceRow>(
      `select ${SUMMARY_COLUMNS} from devices d ${filter} order by ${order} limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.limit, query.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from devices d ${filter}`, params),
  ]);
  return { items: page.rows.map(toSummary), total: count.rows[0]?.n ?? 0 };
}

/** Every device a list query finds, in its order, up to `cap`: what an export writes out. */
export async function selectAllDevices(db: Queryable, query: Pick<DeviceListQuery, 'search' | 'kind' | 'sort' | 'order'>, cap: number): Promise<DeviceSummary[]> {
  const { filter, order, params } = deviceSelection(query);
  const { rows } = await db.query<DeviceRow>(`select ${SUMMARY_COLUMNS} from devices d ${filter} order by ${order} limit $${params.length + 1}`, [...params, cap]);
  return rows.map(toSummary);
}

export async function getDevice(db: Queryable, id: string): Promise<DeviceDetail | undefined> {
  const { rows } = await db.query<DeviceRow & { hardware: DeviceDetail['hardware']; os: DeviceDetail['os']; last_report_id: string | null; last_collected_at: Date | null }>(
    `select ${SUMMARY_COLUMNS}, d.hardware, d.os, d.last_report_id, d.last_collected_at from devices d where d.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const software = await listDeviceSoftware(db, id);
  const agents = await db.query<{ agent_version: string; platform: string; last_seen_at: Date | null; last_address: string | null; clock_skew_seconds: number | null }>(
    `select agent_version, platform, last_seen_at, last_address, clock_skew_seconds from agents
      where device_id = $1 and revoked_at is null order by enrolled_at desc limit 1`,
    [id],
  );
  const agent = agents.rows[0];
  return {
    ...toSummary(row),
    agent: agent ? {
      version: agent.agent_version, platform: agent.platform, lastSeenAt: agent.last_seen_at ? new Date(agent.last_seen_at).toISOString() : null,
      lastAddress: agent.last_address, clockSkewSeconds: agent.clock_skew_seconds,
    } : null,
    hardware: row.hardware,
    os: row.os,
    software,
    lastReportId: row.last_report_id,
    lastCollectedAt: row.last_collected_at ? new Date(row.last_collected_at).toISOString() : null,
  };
}

export async function listDeviceSoftware(db: Queryable, deviceId: string): Promise<SoftwareEntry[]> {
  const { rows } = await db.query<SoftwareEntryRow>(
    `select ${SOFTWARE_ENTRY_COLUMNS} from device_software where device_id = $1 order by lower(name), version`,
    [deviceId],
  );
  return rows.map(toSoftwareEntry);
}

/** Operating systems the overview lists, the most common first. */
const TOP_SYSTEMS = 20;

/**
 * Estate-wide figures in one pass over the devices (grouped by kind and system, a handful of rows
 * whatever the estate's size) and one over the agents: the overview's first answer stays cheap.
 */
export async function deviceStatistics(db: Queryable): Promise<DeviceStatistics> {
  const [groups, agents] = await Promise.all([
    db.query<{ kind: string; os: string; n: number; software: string; recent: number }>(
      `select kind, coalesce(os_name, 'unknown') as os, count(*)::int as n, coalesce(sum(software_count), 0)::bigint as software,
              count(*) filter (where last_seen > now() - interval '1 day')::int as recent
         from devices group by 1, 2`),
    db.query<{ online: number; total: number }>(
      `select count(*) filter (where revoked_at is null and online_until > now())::int as online,
              count(*) filter (where revoked_at is null)::int as total from agents`),
  ]);
  const byKind: Record<string, number> = {};
  const byOs = new Map<string, number>();
  let total = 0;
  let softwareInstalls = 0;
  let seenLast24h = 0;
  for (const row of groups.rows) {
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.n;
    byOs.set(row.os, (byOs.get(row.os) ?? 0) + row.n);
    total += row.n;
    softwareInstalls += Number(row.software);
    seenLast24h += row.recent;
  }
  return {
    total,
    byKind,
    byOs: [...byOs].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).slice(0, TOP_SYSTEMS).map(([os, devices]) => ({ os, devices })),
    agentsOnline: agents.rows[0]?.online ?? 0,
    agentsTotal: agents.rows[0]?.total ?? 0,
    softwareInstalls,
    seenLast24h,
  };
}
