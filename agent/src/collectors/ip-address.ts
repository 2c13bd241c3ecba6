/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail included), or undefined when it is not one. */
export function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0]!;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part ? part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.some(Number.isNaN) ? undefined : groups;
}

/** RFC 5952 text of an IPv6 address: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
export function formatIpv6(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** The network of an address in CIDR notation ("192.0.2.7/24" → "192.0.2.0/24"), or undefined when it does not parse. */
export function subnetOf(cidr: string): string | undefined {
  const [address, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!address || !/^\d+$/.test(bitsText ?? '')) return undefined;
  if (address.includes(':')) {
    const groups = ipv6Groups(address);
    if (!groups || bits > 128) return undefined;
    const masked = groups.map((g, i) => g & (0xffff << (16 - Math.max(0, Math.min(16, bits - i * 16)))) & 0xffff);
    return `${formatIpv6(masked)}/${bits}`;
  }
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !(o >= 0 && o <= 255)) || bits > 32) return undefined;
  const value = octets.reduce((n, o) => n * 256 + o, 0);
  const network = bits === 0 ? 0 : value - (value % 2 ** (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${bits}`;
}

/** Prefix length of a dotted (255.255.255.0) or colon (ffff:ffff::) netmask: its one bits. */
export function netmaskPrefixLength(mask: string): number {
  const parts = mask.includes('.') ? mask.split('.').map(Number) : mask.split(':').filter(Boolean).map((g) => parseInt(g, 16));
  return parts.reduce((bits, part) => bits + part.toString(2).replace(/0/g, '').length, 0);
}
