import type {
  NetworkDeviceListQuery, NetworkDeviceSummary, SnmpAddress, SnmpDeviceIdentity, SnmpEntity, SnmpPrinterSupply, SnmpProblem, SnmpSystem,
} from '@steward/shared';
import type { Queryable } from '../database.js';
import { escapeLike } from '../escape-like.js';

interface SummaryRow {
  id: string;
  hostname: string;
  host: string;
  port: number;
  sys_name: string | null;
  sys_object_id: string | null;
  manufacturer: string | null;
  model: string | null;
  serial_number: string | null;
  os_name: string | null;
  os_version: string | null;
  device_type: string | null;
  up: boolean | null;
  last_seen: Date;
  last_polled_at: Date | null;
  next_poll_at: Date;
  poll_interval_seconds: number;
  interface_count: number;
  neighbour_count: number;
  forwarding_count: number;
  software_count: number;
}

const SUMMARY_COLUMNS = `d.id, d.hostname, t.host, t.port, t.sys_name, t.sys_object_id, d.manufacturer, d.model, d.serial_number,
  d.os_name, d.os_version, t.identity->>'deviceType' as device_type, t.up, d.last_seen, t.last_polled_at, t.next_poll_at,
  t.poll_interval_seconds, d.software_count,
  (select count(*)::int from snmp_interfaces i where i.device_id = d.id) as interface_count,
  (select count(*)::int from snmp_neighbours n where n.device_id = d.id) as neighbour_count,
  (select count(*)::int from snmp_forwarding f where f.device_id = d.id) as forwarding_count`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toSummary(r: SummaryRow): NetworkDeviceSummary {
  return {
    id: r.id, hostname: r.hostname, address: r.host, port: r.port, sysName: r.sys_name, sysObjectID: r.sys_object_id,
    vendor: r.manufacturer, model: r.model, serialNumber: r.serial_number, osName: r.os_name, osVersion: r.os_version,
    deviceType: r.device_type, up: r.up, lastSeen: iso(r.last_seen)!, lastPolledAt: iso(r.last_polled_at), nextPollAt: iso(r.next_poll_at)!,
    pollIntervalSeconds: r.poll_interval_seconds, interfaceCount: r.interface_count, neighbourCount: r.neighbour_count,
    forwardingCount: r.forwarding_count, softwareCount: r.software_count,
  };
}

export async function listNetworkDevices(db: Queryable, query: NetworkDeviceListQuery): Promise<{ items: NetworkDeviceSummary[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    params.push(`%${escapeLike(query.search.toLowerCase())}%`);
    where.push(`lower(d.hostname || ' ' || t.host || ' ' || coalesce(t.sys_name, '') || ' ' || coalesce(d.serial_number, '') || ' ' ||
                coalesce(d.model, '') || ' ' || coalesce(d.manufacturer, '')) like $${params.length}`);
  }
  if (query.up !== undefined) {
    params.push(query.up);
    where.push(`t.up = $${params.length}`);
  }
  if (query.deviceType) {
    params.push(query.deviceType);
    where.push(`t.identity->>'deviceType' = $${params.length}`);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const from = 'from snmp_targets t join devices d on d.id = t.device_id';
  const [page, count] = await Promise.all([
    db.query<SummaryRow>(
      `select ${SUMMARY_COLUMNS} ${from} ${filter} order by lower(d.hostname), d.id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.limit, query.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n ${from} ${filter}`, params),
  ]);
  return { items: page.rows.map(toSummary), total: count.rows[0]?.n ?? 0 };
}

export interface NetworkDeviceRecord {
  summary: NetworkDeviceSummary;
  system: SnmpSystem;
  identity: SnmpDeviceIdentity;
  problems: SnmpProblem[];
  credentialId: string | null;
  lastError: string | null;
  macAddresses: string[];
}

export async function getNetworkDevice(db: Queryable, id: string): Promise<NetworkDeviceRecord | undefined> {
  const { rows } = await db.query<SummaryRow & {
    system: SnmpSystem; identity: SnmpDeviceIdentity; problems: SnmpProblem[]; credential_id: string | null; last_error: string | null;
    mac_addresses: string[];
  }>(
    `select ${SUMMARY_COLUMNS}, t.system, t.identity, t.problems, t.credential_id, t.last_error, d.mac_addresses
       from snmp_targets t join devices d on d.id = t.device_id where d.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    summary: toSummary(r), system: r.system, identity: r.identity, problems: r.problems, credentialId: r.credential_id,
    lastError: r.last_error, macAddresses: r.mac_addresses ?? [],
  };
}

export interface InterfaceRow {
  if_index: number;
  name: string | null;
  descr: string | null;
  alias: string | null;
  type: number | null;
  mtu: number | null;
  speed_bps: string | null;
  mac: string | null;
  admin_status: string | null;
  oper_status: string | null;
  in_bps: number | null;
  out_bps: number | null;
  counters_at: Date | null;
}

/** Interfaces with the rates of the latest poll. */
export async function listInterfaces(db: Queryable, deviceId: string): Promise<InterfaceRow[]> {
  const { rows } = await db.query<InterfaceRow>(
    `with latest as (
       select if_index, in_bps, out_bps, time from snmp_interface_counters
        where device_id = $1 and time = (select max(time) from snmp_interface_counters where device_id = $1))
     select i.if_index, i.name, i.descr, i.alias, i.type, i.mtu, i.speed_bps::text, i.mac, i.admin_status, i.oper_status,
            l.in_bps, l.out_bps, l.time as counters_at
       from snmp_interfaces i left join latest l on l.if_index = i.if_index
      where i.device_id = $1 order by i.if_index`,
    [deviceId],
  );
  return rows;
}

export async function listAddresses(db: Queryable, deviceId: string): Promise<SnmpAddress[]> {
  const { rows } = await db.query<{ family: 'ipv4' | 'ipv6'; address: string; prefix_length: number | null; if_index: number | null }>(
    'select family, address, prefix_length, if_index from snmp_addresses where device_id = $1 order by family, address',
    [deviceId],
  );
  return rows.map((r) => ({
    family: r.family, address: r.address,
    ...(r.prefix_length !== null ? { prefixLength: r.prefix_length } : {}),
    ...(r.if_index !== null ? { ifIndex: r.if_index } : {}),
  }));
}

export async function listSupplies(db: Queryable, deviceId: string): Promise<SnmpPrinterSupply[]> {
  const { rows } = await db.query<{
    supply_index: string; description: string | null; type: string | null; unit: string | null; max_capacity: number | null;
    level: number | null; percent: number | null;
  }>(
    'select supply_index, description, type, unit, max_capacity, level, percent from snmp_printer_supplies where device_id = $1 order by supply_index',
    [deviceId],
  );
  return rows.map((r) => withoutNulls({
    index: r.supply_index, description: r.description, type: r.type, unit: r.unit, maxCapacity: r.max_capacity, level: r.level, percent: r.percent,
  }) as SnmpPrinterSupply);
}

export async function listEntities(db: Queryable, deviceId: string): Promise<SnmpEntity[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select ent_index as index, class, descr, name, model, serial, hardware_rev as "hardwareRev", firmware_rev as "firmwareRev",
            software_rev as "softwareRev", manufacturer, contained_in as "containedIn", is_fru as "isFru"
       from snmp_entities where device_id = $1 order by ent_index`,
    [deviceId],
  );
  return rows.map((r) => withoutNulls(r) as SnmpEntity);
}

/** Optional fields are absent rather than null in the probe's own shapes. */
function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
}
