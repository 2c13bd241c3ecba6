/**
 * Parsers of the public registries that identification ships as compact JSON tables:
 * IANA Private Enterprise Numbers and IEEE MA-L (OUI) assignments, in the text forms Debian's
 * libwireshark-data package carries (/usr/share/wireshark/enterprises.tsv and manuf).
 */

/** "<number><blanks><name>" lines; comments start with '#'. */
export function parseEnterprisesTsv(text: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^(\d+)\s+(\S.*?)\s*$/);
    if (m) names[m[1]!] = m[2]!;
  }
  return names;
}

/** The date the registry copy states in its header ("last updated 2024-08-23"), when it does. */
export function registryDate(text: string): string | undefined {
  return text.match(/last updated (\d{4}-\d{2}-\d{2})/)?.[1];
}

/**
 * "AA:BB:CC<tab>Short<tab>Long name" lines; only 24-bit (MA-L) prefixes are kept, which is what a
 * vendor guess from a MAC address needs. Key: six lower-case hex digits.
 */
export function parseManuf(text: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2})\t([^\t]+)(?:\t([^\t]+))?\s*$/);
    if (!m) continue;
    names[`${m[1]}${m[2]}${m[3]}`.toLowerCase()] = (m[5] ?? m[4]!).trim();
  }
  return names;
}
