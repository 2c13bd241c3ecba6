/** The value of a Counter64 (net-snmp hands it over as big-endian bytes) or of any integer varbind, as bigint. */
export function counterFromValue(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (Buffer.isBuffer(value)) {
    if (value.length === 0 || value.length > 9) return undefined;
    let n = 0n;
    for (const b of value) n = (n << 8n) | BigInt(b);
    return n;
  }
  return undefined;
}
