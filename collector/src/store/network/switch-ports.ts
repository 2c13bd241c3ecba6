import type { Queryable } from '../database.js';

/** A learned MAC on a switch port, with how many addresses that port carries. */
export interface SightingRow {
  switch_id: string;
  switch_name: string;
  if_index: number | null;
  if_name: string | null;
  bridge_port: number;
  mac: string;
  vlan: number | null;
  seen_at: Date;
  macs_on_port: number;
}

/** Entries a switch keeps about itself or has marked invalid say nothing about where a device is. */
const LEARNED = `coalesce(f.status, 'learned') not in ('self', 'invalid', 'mgmt')`;

/** Every switch port where one of these MACs was learned, other than on the device itself. */
export async function findSightings(db: Queryable, macs: string[], deviceId: string): Promise<SightingRow[]> {
  if (macs.length === 0) return [];
  const { rows } = await db.query<SightingRow>(
    `select distinct on (f.device_id, f.bridge_port, f.mac)
            f.device_id as switch_id, d.hostname as switch_name, f.if_index, f.if_name, f.bridge_port, f.mac, f.vlan, f.seen_at,
            (select count(distinct f2.mac)::int from snmp_forwarding f2
              where f2.device_id = f.device_id and f2.bridge_port = f.bridge_port) as macs_on_port
       from snmp_forwarding f join devices d on d.id = f.device_id
      where f.mac = any($1::text[]) and f.device_id <> $2 and ${LEARNED}
      order by f.device_id, f.bridge_port, f.mac, f.vlan nulls last`,
    [macs, deviceId],
  );
  return rows;
}

export interface PortEntryRow {
  bridge_port: number;
  if_index: number | null;
  if_name: string | null;
  mac: string;
  vlan: number | null;
  owner_id: string | null;
  owner_hostname: string | null;
}

/** What a switch learned, port by port, with the known device each MAC belongs to. */
export async function listPortEntries(db: Queryable, switchId: string): Promise<PortEntryRow[]> {
  const { rows } = await db.query<PortEntryRow>(
    `with learned as (
       select distinct on (f.bridge_port, f.mac) f.bridge_port, f.if_index, f.if_name, f.mac, f.vlan
         from snmp_forwarding f where f.device_id = $1 and ${LEARNED}
        order by f.bridge_port, f.mac, f.vlan nulls last),
     owners as (
       select distinct on (m.mac) m.mac, d.id, d.hostname
         from devices d cross join lateral unnest(d.mac_addresses) as m(mac)
        where d.mac_addresses && (select coalesce(array_agg(mac), '{}') from learned) and d.id <> $1
          and m.mac in (select mac from learned)
        order by m.mac, (d.kind = 'agent') desc, d.last_seen desc)
     select l.bridge_port, l.if_index, l.if_name, l.mac, l.vlan, o.id as owner_id, o.hostname as owner_hostname
       from learned l left join owners o on o.mac = l.mac
      order by l.bridge_port, l.mac`,
    [switchId],
  );
  return rows;
}

export interface NeighbourRow {
  device_id: string;
  protocol: 'lldp' | 'cdp';
  local_if_index: number | null;
  local_port: string | null;
  remote_chassis_id: string | null;
  remote_port_id: string | null;
  remote_port_descr: string | null;
  remote_sys_name: string | null;
  remote_sys_descr: string | null;
  remote_platform: string | null;
  remote_address: string | null;
  /** The discovered device the neighbour is, matched by sysName or chassis MAC. */
  remote_device_id: string | null;
  remote_device_type: string | null;
  remote_forwards: boolean | null;
}

/** Neighbours of these devices, each matched to a discovered device when one has its name or chassis MAC. */
export async function listNeighbours(db: Queryable, deviceIds: string[]): Promise<NeighbourRow[]> {
  if (deviceIds.length === 0) return [];
  const { rows } = await db.query<NeighbourRow>(
    `select n.device_id, n.protocol, n.local_if_index, n.local_port, n.remote_chassis_id, n.remote_port_id, n.remote_port_descr,
            n.remote_sys_name, n.remote_sys_descr, n.remote_platform, n.remote_address,
            k.device_id as remote_device_id, k.device_type as remote_device_type, k.forwards as remote_forwards
       from snmp_neighbours n
       left join lateral (
         select t.device_id, t.identity->>'deviceType' as device_type,
                exists (select 1 from snmp_forwarding f where f.device_id = t.device_id) as forwards
           from snmp_targets t join devices d on d.id = t.device_id
          where t.device_id <> n.device_id
            and ((n.remote_sys_name is not null and lower(t.sys_name) = lower(n.remote_sys_name))
                 or (n.remote_chassis_id is not null and n.remote_chassis_id = any(d.mac_addresses)))
          order by t.probed_at desc limit 1) k on true
      where n.device_id = any($1::uuid[])
      order by n.device_id, n.local_if_index nulls last, n.remote_sys_name`,
    [deviceIds],
  );
  return rows;
}

/** The MACs of a device as its own record states them. */
export async function deviceMacs(db: Queryable, deviceId: string): Promise<string[] | undefined> {
  const { rows } = await db.query<{ mac_addresses: string[] }>('select mac_addresses from devices where id = $1', [deviceId]);
  return rows[0]?.mac_addresses;
}
