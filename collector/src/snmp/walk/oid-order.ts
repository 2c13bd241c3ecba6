/** Numeric arcs of a dotted OID ("1.3.6.1" → [1, 3, 6, 1]); a leading dot is allowed. */
export function oidArcs(oid: string): number[] {
  const trimmed = oid.startsWith('.') ? oid.slice(1) : oid;
  return trimmed === '' ? [] : trimmed.split('.').map(Number);
}

/** Lexicographic order of OIDs as SNMP defines it: arc by arc, numerically; a prefix sorts first. */
export function compareOids(a: string, b: string): number {
  if (a === b) return 0;
  const x = oidArcs(a);
  const y = oidArcs(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - y[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** True when oid lies strictly below root (root itself is not part of its own subtree). */
export function isBelow(root: string, oid: string): boolean {
  return oid.length > root.length && oid.startsWith(root) && oid.charCodeAt(root.length) === 46 /* '.' */;
}

/** The arcs of oid after root, as a dotted string: the table index of a column cell. */
export function suffixAfter(root: string, oid: string): string {
  return oid.slice(root.length + 1);
}

/** True when text is a well-formed dotted OID with at least two arcs. */
export function isOid(text: string): boolean {
  return /^\.?\d+(\.\d+)+$/.test(text);
}
