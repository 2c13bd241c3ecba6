import type { SnmpAddress } from '@steward/shared';
import ipaddr from 'ipaddr.js';
import type { CellReader } from '../values/cell-reader.js';
import { indexArcs, type TableRows, type TableSpec } from '../walk/table-rows.js';

/** The IPv4-only table of RFC 1213, still the one most agents fill. */
export const IP_AD_ENT_TABLE: TableSpec = {
  name: 'ipAddrTable',
  entry: '1.3.6.1.2.1.4.20.1',
  // ipAdEntAddr, ipAdEntIfIndex, ipAdEntNetMask
  columns: [1, 2, 3],
};

/** The version-neutral table of RFC 4293, indexed by address type and address bytes. */
export const IP_ADDRESS_TABLE: TableSpec = {
  name: 'ipAddressTable',
  entry: '1.3.6.1.2.1.4.34.1',
  // ipAddressIfIndex, ipAddressPrefix
  columns: [3, 5],
};

export function readAddresses(adEnt: TableRows, ipAddress: TableRows, cells: CellReader): SnmpAddress[] {
  const found = new Map<string, SnmpAddress>();
  for (const [index, row] of adEnt) {
    const address = cells.ipAddress(row.get(1), 'ipAdEntAddr') ?? (ipaddr.IPv4.isValidFourPartDecimal(index) ? index : undefined);
    if (!address) continue;
    const mask = cells.ipAddress(row.get(3), 'ipAdEntNetMask');
    found.set(address, {
      family: 'ipv4',
      address,
      prefixLength: mask && ipaddr.IPv4.isValidFourPartDecimal(mask) ? maskLength(mask) : undefined,
      ifIndex: cells.count(row.get(2), 'ipAdEntIfIndex'),
    });
  }
  for (const [index, row] of ipAddress) {
    const parsed = addressFromIndex(indexArcs(index));
    if (!parsed || found.has(parsed.address)) continue;
    const prefix = cells.oid(row.get(5), 'ipAddressPrefix');
    const prefixLength = prefix ? Number(prefix.split('.').pop()) : undefined;
    found.set(parsed.address, {
      ...parsed,
      prefixLength: prefixLength !== undefined && prefixLength <= (parsed.family === 'ipv4' ? 32 : 128) ? prefixLength : undefined,
      ifIndex: cells.count(row.get(3), 'ipAddressIfIndex'),
    });
  }
  return [...found.values()];
}

/** InetAddressType.length.bytes; zoned types (3, 4) carry a 4-byte zone index after the address. */
function addressFromIndex(arcs: number[]): Pick<SnmpAddress, 'family' | 'address'> | undefined {
  const [type, length, ...bytes] = arcs;
  const size = type === 1 || type === 3 ? 4 : type === 2 || type === 4 ? 16 : 0;
  if (size === 0 || length === undefined || length < size || bytes.length < size) return undefined;
  const raw = bytes.slice(0, size);
  if (raw.some((b) => b < 0 || b > 255)) return undefined;
  if (size === 4) return { family: 'ipv4', address: raw.join('.') };
  return { family: 'ipv6', address: ipaddr.fromByteArray(raw).toString() };
}

function maskLength(mask: string): number | undefined {
  try {
    return ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask() ?? undefined;
  } catch {
    return undefined;
  }
}
