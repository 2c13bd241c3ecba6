import ipaddr from 'ipaddr.js';

/**
 * Where outgoing requests (webhooks, helpdesk APIs) may not go: link-local networks and the
 * instance metadata services of cloud platforms, which hand out credentials to whoever asks from
 * inside the machine. A configured allowance (CIDR, address or host name) lifts the refusal.
 */
const REFUSED_RANGES: Array<[string, string]> = [
  ['169.254.0.0/16', 'link-local'],
  ['fe80::/10', 'link-local'],
  ['fd00:ec2::254/128', 'cloud metadata'],
  ['100.100.100.200/32', 'cloud metadata'],
  ['168.63.129.16/32', 'cloud metadata'],
  ['192.0.0.192/32', 'cloud metadata'],
];
const REFUSED_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface OutboundPolicy {
  allowedRanges: Range[];
  allowedHosts: Set<string>;
  /**
   * Set by an administrator (Settings → outbound): only public addresses may be reached, and
   * loopback, private, shared, unique-local and every other special range are refused as well.
   */
  publicOnly: boolean;
}

function parseRange(text: string): Range | undefined {
  try {
    return text.includes('/') ? ipaddr.parseCIDR(text) : (() => {
      const address = ipaddr.parse(text);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Range;
    })();
  } catch {
    return undefined;
  }
}

export function outboundPolicy(allow: string[] = [], publicOnly = false): OutboundPolicy {
  const allowedRanges: Range[] = [];
  const allowedHosts = new Set<string>();
  for (const entry of allow.map((e) => e.trim()).filter(Boolean)) {
    const range = parseRange(entry);
    if (range) allowedRanges.push(range);
    else allowedHosts.add(entry.toLowerCase());
  }
  return { allowedRanges, allowedHosts, publicOnly };
}

const refused = REFUSED_RANGES.map(([cidr, why]) => [ipaddr.parseCIDR(cidr), why] as const);

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, [net, bits]: Range): boolean {
  return address.kind() === net.kind() && address.match(net, bits);
}

/** Why a connection to this address is refused, or null when it may go ahead. */
export function addressRefusal(policy: OutboundPolicy, address: string): string | null {
  let parsed;
  try {
    parsed = normalise(address);
  } catch {
    return `not an IP address: ${address}`;
  }
  if (policy.allowedRanges.some((r) => inRange(parsed, r))) return null;
  const hit = refused.find(([range]) => inRange(parsed, range));
  if (hit) return `${address} is a ${hit[1]} address; outgoing requests there are refused unless allowed in the configuration`;
  // ipaddr.js names every special-purpose range (loopback, private, uniqueLocal, carrierGradeNat,
  // 6to4, teredo, ...) and calls only the rest 'unicast': the public addresses.
  const range = parsed.range();
  if (policy.publicOnly && range !== 'unicast') {
    return `${address} is not a public address (${range}); outgoing requests are restricted to public addresses by the outbound setting`;
  }
  return null;
}

/** Why a request to this host name is refused before it is even resolved, or null. */
export function hostRefusal(policy: OutboundPolicy, hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (policy.allowedHosts.has(host)) return null;
  if (REFUSED_NAMES.has(host)) return `${host} is a cloud metadata service; outgoing requests there are refused unless allowed in the configuration`;
  return ipaddr.isValid(host.replace(/^\[|\]$/g, '')) ? addressRefusal(policy, host) : null;
}

export function isHostAllowedByName(policy: OutboundPolicy, hostname: string): boolean {
  return policy.allowedHosts.has(hostname.toLowerCase().replace(/\.$/, ''));
}
