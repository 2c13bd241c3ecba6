/** Numeric arcs of a dotted OID ("1.3.6.1" → [1, 3, 6, 1]); a leading dot is allowed. */
export function oidArcs(oid: string): number[] {
  const trimmed = oid.startsWith('.') ? oid.slice(1) : oid;
  return trimmed === '' ? [] : trimmed.split('.').map(Number);
}

const DOT = 46;
const ZERO = 48;

/**
 * Lexicographic order of OIDs as SNMP defines it: arc by arc, numerically; a prefix sorts first.
 * Reads the arcs in place: the walker compares every varbind it takes.
 */
export function compareOids(a: string, b: string): number {
  if (a === b) return 0;
  let i = a.charCodeAt(0) === DOT ? 1 : 0;
  let j = b.charCodeAt(0) === DOT ? 1 : 0;
  while (i < a.length && j < b.length) {
    let x = 0;
    for (; i < a.length && a.charCodeAt(i) !== DOT; i++) x = x * 10 + a.charCodeAt(i) - ZERO;
    let y = 0;
    for (; j < b.length && b.charCodeAt(j) !== DOT; j++) y = y * 10 + b.charCodeAt(j) - ZERO;
    if (x !== y) return x < y ? -1 : 1;
    i++;
    j++;
  }
  const aEnded = i >= a.length;
  const bEnded = j >= b.length;
  return aEnded === bEnded ? 0 : aEnded ? -1 : 1;
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
