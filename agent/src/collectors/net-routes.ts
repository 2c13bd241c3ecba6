import { formatIpv6 } from './ip-address.js';
import { readSysText } from './read-sys.js';

/** Interface name → its default gateways. */
export type GatewaysByInterface = Map<string, string[]>;

function add(map: GatewaysByInterface, name: string, gateway: string): void {
  const list = map.get(name) ?? [];
  if (!list.includes(gateway)) list.push(gateway);
  map.set(name, list);
}

/**
 * Default routes of /proc/net/route: "Iface Destination Gateway Flags..." rows whose destination and
 * mask are 0, the gateway written as a little-endian hex number.
 */
export function parseIpv4DefaultRoutes(text: string, into: GatewaysByInterface = new Map()): GatewaysByInterface {
  for (const line of text.split('\n').slice(1)) {
    const [name, destination, gateway, , , , , mask] = line.trim().split(/\s+/);
    if (!name || destination !== '00000000' || mask !== '00000000' || !gateway || !/^[0-9A-F]{8}$/i.test(gateway) || /^0+$/.test(gateway)) continue;
    const n = parseInt(gateway, 16);
    add(into, name, [0, 8, 16, 24].map((shift) => (n >>> shift) & 0xff).join('.'));
  }
  return into;
}

/**
 * Default routes of /proc/net/ipv6_route: rows of destination, its prefix length, source, its prefix
 * length, next hop (32 hex digits each but the lengths), metric, counters, flags and interface.
 */
export function parseIpv6DefaultRoutes(text: string, into: GatewaysByInterface = new Map()): GatewaysByInterface {
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const [destination, prefix, , , nextHop] = fields;
    const name = fields[9];
    if (!name || name === 'lo' || !/^0{32}$/.test(destination ?? '') || prefix !== '00' || !/^[0-9a-f]{32}$/i.test(nextHop ?? '') || /^0+$/.test(nextHop!)) continue;
    const groups = Array.from({ length: 8 }, (_, i) => parseInt(nextHop!.slice(i * 4, i * 4 + 4), 16));
    add(into, name, formatIpv6(groups));
  }
  return into;
}

export async function readDefaultGateways(): Promise<GatewaysByInterface> {
  const [v4, v6] = await Promise.all([readSysText('/proc/net/route'), readSysText('/proc/net/ipv6_route')]);
  return parseIpv6DefaultRoutes(v6 ?? '', parseIpv4DefaultRoutes(v4 ?? ''));
}
