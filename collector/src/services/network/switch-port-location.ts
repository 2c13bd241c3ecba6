import type { SwitchPortLocation, SwitchPortSighting, SwitchPortView } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import { deviceMacs, findSightings, listNeighbours, listPortEntries, type NeighbourRow } from '../../store/network/switch-ports.js';
import { ApiProblem } from '../errors.js';
import { isEdgePort, rankSightings } from './uplink-ports.js';

/** Neighbours by switch and local ifIndex, for telling uplinks from edge ports. */
function neighboursByPort(rows: NeighbourRow[]): Map<string, NeighbourRow[]> {
  const byPort = new Map<string, NeighbourRow[]>();
  for (const n of rows) {
    if (n.local_if_index === null) continue;
    const key = `${n.device_id}/${n.local_if_index}`;
    byPort.set(key, [...(byPort.get(key) ?? []), n]);
  }
  return byPort;
}

/**
 * Where a device is plugged in: every switch port where one of its MACs was learned, the edge
 * port with the fewest addresses first. Works for any device with MACs: agents' computers, and
 * printers or phones found by SNMP.
 */
export async function locateDevice(db: Queryable, deviceId: string): Promise<SwitchPortLocation> {
  const macs = await deviceMacs(db, deviceId);
  if (!macs) throw new ApiProblem(404, 'not_found', `no device with id ${deviceId}`);
  const rows = await findSightings(db, macs, deviceId);
  const byPort = neighboursByPort(await listNeighbours(db, [...new Set(rows.map((r) => r.switch_id))]));
  const sightings: SwitchPortSighting[] = rows.map((r) => ({
    switchId: r.switch_id, switchName: r.switch_name, ifIndex: r.if_index, ifName: r.if_name, bridgePort: r.bridge_port,
    mac: r.mac, vlan: r.vlan, macsOnPort: r.macs_on_port, seenAt: new Date(r.seen_at).toISOString(),
    edge: isEdgePort(r.macs_on_port, r.if_index === null ? [] : byPort.get(`${r.switch_id}/${r.if_index}`) ?? []),
  }));
  const ranked = rankSightings(sightings);
  return { deviceId, location: ranked[0] ?? null, sightings: ranked };
}

/** A switch's forwarding table port by port, each MAC with the known device it belongs to. */
export async function switchPortsOf(db: Queryable, switchId: string, neighbours: NeighbourRow[]): Promise<SwitchPortView[]> {
  const byPort = neighboursByPort(neighbours);
  const ports = new Map<number, SwitchPortView>();
  for (const e of await listPortEntries(db, switchId)) {
    let port = ports.get(e.bridge_port);
    if (!port) {
      port = { ifIndex: e.if_index, ifName: e.if_name, bridgePort: e.bridge_port, edge: true, macs: [] };
      ports.set(e.bridge_port, port);
    }
    port.macs.push({ mac: e.mac, vlan: e.vlan, deviceId: e.owner_id, hostname: e.owner_hostname });
  }
  for (const port of ports.values()) {
    port.edge = isEdgePort(new Set(port.macs.map((m) => m.mac)).size, port.ifIndex === null ? [] : byPort.get(`${switchId}/${port.ifIndex}`) ?? []);
  }
  return [...ports.values()];
}
