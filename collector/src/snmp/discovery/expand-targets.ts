import ipaddr from 'ipaddr.js';

/** What a sweep covers: CIDR blocks, ranges (a-b, or a-n for the last IPv4 byte) and single addresses. */
export interface TargetSpec {
  include: string[];
  exclude?: string[];
}

export class TargetSpecError extends Error {
  override readonly name = 'TargetSpecError';
}

export const MAX_SWEEP_ADDRESSES = 65_536;

/**
 * The addresses a spec names, in order, without duplicates or excluded ones. Items may also be
 * comma-separated lists. Network and broadcast addresses of IPv4 blocks larger than /31 are left out.
 */
export function expandTargets(spec: TargetSpec, max = MAX_SWEEP_ADDRESSES): string[] {
  const excluded = new Set<string>();
  for (const item of splitItems(spec.exclude ?? [])) for (const a of addressesOf(item, max, false)) excluded.add(a);
  const found = new Set<string>();
  for (const item of splitItems(spec.include)) {
    for (const address of addressesOf(item, max, true)) {
      if (excluded.has(address)) continue;
      found.add(address);
      if (found.size > max) throw new TargetSpecError(`more than ${max} addresses to sweep; split the sweep`);
    }
  }
  return [...found];
}

function splitItems(items: string[]): string[] {
  return items.flatMap((i) => i.split(/[,\s]+/)).filter((i) => i !== '');
}

function* addressesOf(item: string, max: number, skipEdges: boolean): Generator<string> {
  if (item.includes('/')) {
    yield* cidrAddresses(item, max, skipEdges);
  } else if (item.includes('-')) {
    yield* rangeAddresses(item, max);
  } else {
    if (!ipaddr.isValid(item)) throw new TargetSpecError(`"${item}" is not an IP address`);
    yield ipaddr.process(item).toString();
  }
}

/** skipEdges: leave out the network and broadcast addresses of IPv4 blocks that have them. */
function* cidrAddresses(item: string, max: number, skipEdges: boolean): Generator<string> {
  let network: ipaddr.IPv4 | ipaddr.IPv6;
  let bits: number;
  try {
    [network, bits] = ipaddr.parseCIDR(item);
  } catch {
    throw new TargetSpecError(`"${item}" is not a CIDR block`);
  }
  const width = network.kind() === 'ipv4' ? 32 : 128;
  const hostBits = width - bits;
  if (hostBits > 24 || 2 ** hostBits > max * 2) throw new TargetSpecError(`"${item}" holds more than ${max} addresses`);
  const first = toBigInt(network.toByteArray()) & ~((1n << BigInt(hostBits)) - 1n);
  const count = 1n << BigInt(hostBits);
  const edges = skipEdges && network.kind() === 'ipv4' && hostBits >= 2;
  for (let i = edges ? 1n : 0n; i < (edges ? count - 1n : count); i++) yield fromBigInt(first + i, width);
}

function* rangeAddresses(item: string, max: number): Generator<string> {
  const [fromText, toText] = item.split('-').map((s) => s.trim());
  if (!fromText || !toText || !ipaddr.isValid(fromText)) throw new TargetSpecError(`"${item}" is not an address range`);
  const from = ipaddr.process(fromText);
  let to: ipaddr.IPv4 | ipaddr.IPv6;
  if (/^\d{1,3}$/.test(toText) && from.kind() === 'ipv4') {
    const bytes = from.toByteArray();
    to = ipaddr.fromByteArray([...bytes.slice(0, 3), Number(toText)]);
  } else if (ipaddr.isValid(toText)) {
    to = ipaddr.process(toText);
  } else {
    throw new TargetSpecError(`"${item}" is not an address range`);
  }
  if (to.kind() !== from.kind()) throw new TargetSpecError(`"${item}" mixes IPv4 and IPv6`);
  const width = from.kind() === 'ipv4' ? 32 : 128;
  const a = toBigInt(from.toByteArray());
  const b = toBigInt(to.toByteArray());
  if (b < a) throw new TargetSpecError(`"${item}" ends before it starts`);
  if (b - a >= BigInt(max)) throw new TargetSpecError(`"${item}" holds more than ${max} addresses`);
  for (let n = a; n <= b; n++) yield fromBigInt(n, width);
}

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

function fromBigInt(n: bigint, width: number): string {
  const bytes: number[] = [];
  for (let i = width / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}
