/** A MAC address from six raw bytes, or from text that spells one ("00-1a-2b-..." or "001a.2b3c.4d5e"). */
export function macFromBytes(bytes: Buffer): string | undefined {
  if (bytes.length === 6) {
    if (bytes.every((b) => b === 0)) return undefined;
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
  }
  const hex = bytes.toString('latin1').toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length === 12 && /^[0-9a-f:.\- ]+$/i.test(bytes.toString('latin1').trim())) {
    return hex.match(/../g)!.join(':');
  }
  return undefined;
}

/** A MAC address from the last six arcs of a table index ("...0.26.43.60.77.94"). */
export function macFromIndexArcs(arcs: number[]): string | undefined {
  if (arcs.length !== 6 || arcs.some((a) => a < 0 || a > 255 || !Number.isInteger(a))) return undefined;
  return arcs.map((a) => a.toString(16).padStart(2, '0')).join(':');
}
