import ipaddr from 'ipaddr.js';
import type { AddressInUse, SubnetDetail, SubnetSummary } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import { conflictingSightings, knownSubnets, sightingsIn, subnetCounts, type SightingRow } from '../store/address-space/sightings.js';

/** Two MACs on one address within a day of each other is a conflict; further apart it is a lease that moved. */
export const CONFLICT_WINDOW_MS = 86_400_000;
/** Free ranges are listed for IPv4 subnets up to this size; beyond it a list of gaps says little. */
const MAX_LISTED_PREFIX = 16;

/** Usable IPv4 addresses in a subnet: the network and broadcast addresses left out where there are any. */
function usableRange(cidr: string): { first: number; last: number } | null {
  const [network, bits] = ipaddr.parseCIDR(cidr);
  if (network.kind() !== 'ipv4') return null;
  const base = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray().reduce((n, b) => n * 256 + b, 0);
  const size = 2 ** (32 - bits);
  return size > 2 ? { first: base + 1, last: base + size - 2 } : { first: base, last: base + size - 1 };
}

const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const v4Number = (address: string) => address.split('.').reduce((n, b) => n * 256 + Number(b), 0);

export async function listSubnets(db: Queryable, now: Date): Promise<SubnetSummary[]> {
  const subnets = await knownSubnets(db);
  const counts = new Map((await subnetCounts(db, subnets.map((s) => s.cidr), new Date(now.getTime() - CONFLICT_WINDOW_MS))).map((c) => [c.cidr, c]));
  return subnets.map((s) => {
    const range = usableRange(s.cidr);
    const size = range ? range.last - range.first + 1 : null;
    const used = counts.get(s.cidr)?.used ?? 0;
    return {
      cidr: s.cidr, sources: s.sources as SubnetSummary['sources'], size, used,
      free: size === null ? null : Math.max(0, size - used), conflicts: counts.get(s.cidr)?.conflicts ?? 0,
    };
  });
}

function addressesInUse(rows: SightingRow[], now: Date): AddressInUse[] {
  const byAddress = new Map<string, SightingRow[]>();
  for (const r of rows) byAddress.set(r.address, [...(byAddress.get(r.address) ?? []), r]);
  const since = now.getTime() - CONFLICT_WINDOW_MS;
  return [...byAddress.entries()].map(([address, holders]) => ({
    address,
    holders: holders.map((h) => ({ mac: h.mac || null, deviceId: h.device_id, hostname: h.hostname, kind: h.kind, firstSeen: h.first_seen.toISOString(), lastSeen: h.last_seen.toISOString() })),
    conflict: new Set(holders.filter((h) => h.mac && h.last_seen.getTime() >= since).map((h) => h.mac)).size > 1,
  }));
}

function freeRanges(cidr: string, used: string[]): SubnetDetail['freeRanges'] {
  const range = usableRange(cidr);
  if (!range || Number(cidr.split('/')[1]) < MAX_LISTED_PREFIX) return null;
  const taken = [...new Set(used.map(v4Number))].filter((n) => n >= range.first && n <= range.last).sort((a, b) => a - b);
  const gaps: NonNullable<SubnetDetail['freeRanges']> = [];
  let next = range.first;
  for (const n of [...taken, range.last + 1]) {
    if (n > next) gaps.push({ first: v4(next), last: v4(n - 1), count: n - next });
    next = n + 1;
  }
  return gaps;
}

export class UnknownSubnet extends Error {}

/** One subnet: every address in use with who holds it, the free ranges and the conflicts. */
export async function subnetDetail(db: Queryable, cidr: string, now: Date): Promise<SubnetDetail> {
  if (!ipaddr.isValidCIDR(cidr)) throw new UnknownSubnet(`${cidr} is not a subnet in CIDR notation`);
  const [network, bits] = ipaddr.parseCIDR(cidr);
  const canonical = `${network.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr)}/${bits}`;
  const summary = (await listSubnets(db, now)).find((s) => s.cidr === canonical);
  if (!summary) throw new UnknownSubnet(`${canonical} is not a known subnet`);
  const addresses = addressesInUse(await sightingsIn(db, canonical), now);
  return { subnet: summary, addresses, freeRanges: freeRanges(canonical, addresses.map((a) => a.address)) };
}

/** Addresses held by two MACs at once, across every subnet. */
export async function addressConflicts(db: Queryable, now: Date): Promise<AddressInUse[]> {
  return addressesInUse(await conflictingSightings(db, new Date(now.getTime() - CONFLICT_WINDOW_MS)), now).filter((a) => a.conflict);
}
