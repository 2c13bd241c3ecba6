import type { SwitchPortSighting } from '@steward/shared';
import type { NeighbourRow } from '../../store/network/switch-ports.js';

/**
 * A port that has learned this many addresses serves more than a desk: an access port carries a
 * computer, perhaps a phone and a few virtual machines, an uplink carries a whole segment.
 */
export const UPLINK_MIN_MACS = 8;

/** Device types the engine gives network gear (the ones whose ports lead to further devices). */
const GEAR_TYPES = new Set(['switch', 'router', 'firewall', 'wireless', 'wifi', 'access-point', 'wireless-controller']);

/** How network gear describes itself over LLDP and CDP; hosts running an LLDP daemon say "Linux", "Windows"... */
const GEAR_TEXT = /\b(switch|router|catalyst|nexus|cisco ios|ios[ -]xe|nx-os|junos|procurve|aruba|arubaos|comware|vrp|arista|eos|fastiron|icx|routeros|fortigate|firewall|bridge)\b/i;
const ENDPOINT_TEXT = /\b(phone|camera|printer|ip ?cam|voip)\b/i;

/** Whether a neighbour is itself network gear: a known device that forwards, or one that describes itself so. */
export function isNetworkGear(n: Pick<NeighbourRow, 'remote_device_id' | 'remote_device_type' | 'remote_forwards' | 'remote_sys_descr' | 'remote_platform'>): boolean {
  if (n.remote_device_id) {
    if (n.remote_forwards) return true;
    if (n.remote_device_type && GEAR_TYPES.has(n.remote_device_type.toLowerCase())) return true;
  }
  const text = `${n.remote_platform ?? ''} ${n.remote_sys_descr ?? ''}`;
  return GEAR_TEXT.test(text) && !ENDPOINT_TEXT.test(text);
}

/** An edge port connects end devices: few addresses, and no neighbour that is network gear. */
export function isEdgePort(macsOnPort: number, neighboursOnPort: Parameters<typeof isNetworkGear>[0][]): boolean {
  return macsOnPort < UPLINK_MIN_MACS && !neighboursOnPort.some(isNetworkGear);
}

/** Most telling first: edge ports, then ports with fewer addresses, then the latest seen. */
export function rankSightings(sightings: SwitchPortSighting[]): SwitchPortSighting[] {
  return [...sightings].sort((a, b) =>
    Number(b.edge) - Number(a.edge) || a.macsOnPort - b.macsOnPort || Date.parse(b.seenAt) - Date.parse(a.seenAt)
    || a.switchName.localeCompare(b.switchName) || a.bridgePort - b.bridgePort);
}
