import { canonicalJson, type SoftwareEntry } from '@steward/shared';
import type { InstalledSoftware, SoftwareChange, StoredSoftware } from '../store/software.js';

const keyOf = (s: { source: string; name: string; arch?: string }) => `${s.source}\u0000${s.name}\u0000${s.arch ?? ''}`;

const part = (value: string | undefined) => (value === undefined ? '-' : `+${value}`);

/**
 * Every stored field: an entry whose fields are all equal needs no write at all. Fields joined by
 * NUL, which no stored text can hold, each marked present or absent; this runs for every entry of
 * every changed report, so only the licence object goes through canonical JSON.
 */
export const fingerprint = (s: SoftwareEntry) => [
  s.source, s.name, part(s.arch), part(s.version), part(s.publisher), part(s.installDate), part(s.installLocation), part(s.productCode),
  s.systemComponent === undefined ? '-' : String(s.systemComponent), s.licence === undefined ? '-' : canonicalJson(s.licence),
].join('\u0000');

function groupByKey<T extends { source: string; name: string; arch?: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export interface SoftwareDiff {
  /** Stored rows that go (removed, upgraded away, or rewritten with other details). */
  toDelete: StoredSoftware[];
  toInsert: InstalledSoftware[];
  /** What a person would call a change, for the device's history. */
  changes: SoftwareChange[];
}

/** Pairs the new entries of one package with its stored rows: same version first, then any left. */
function diffPackage(old: StoredSoftware[], entries: SoftwareEntry[], now: Date, diff: SoftwareDiff): void {
  const unchanged = new Map<string, StoredSoftware[]>();
  for (const o of old) unchanged.set(fingerprint(o), [...(unchanged.get(fingerprint(o)) ?? []), o]);
  const rest: SoftwareEntry[] = [];
  for (const entry of entries) if (!unchanged.get(fingerprint(entry))?.shift()) rest.push(entry);
  const leftOld = [...unchanged.values()].flat();
  const sameVersion = new Map<string, StoredSoftware[]>();
  for (const o of leftOld) sameVersion.set(o.version ?? '', [...(sameVersion.get(o.version ?? '') ?? []), o]);
  const unmatchedNew: SoftwareEntry[] = [];
  for (const entry of rest) {
    const same = sameVersion.get(entry.version ?? '')?.shift();
    if (!same) unmatchedNew.push(entry);
    else {
      // Same version with other details (publisher, location): rewritten quietly.
      diff.toDelete.push(same);
      diff.toInsert.push({ ...entry, firstSeen: same.firstSeen });
    }
  }
  const unmatchedOld = [...sameVersion.values()].flat();
  if (unmatchedNew.length === 1 && unmatchedOld.length === 1) {
    const [n, o] = [unmatchedNew[0]!, unmatchedOld[0]!];
    diff.toDelete.push(o);
    diff.toInsert.push({ ...n, firstSeen: o.firstSeen });
    diff.changes.push({ change: 'upgraded', source: n.source, name: n.name, arch: n.arch, oldVersion: o.version, newVersion: n.version });
    return;
  }
  for (const n of unmatchedNew) {
    diff.toInsert.push({ ...n, firstSeen: now });
    diff.changes.push({ change: 'added', source: n.source, name: n.name, arch: n.arch, newVersion: n.version });
  }
  for (const o of unmatchedOld) {
    diff.toDelete.push(o);
    diff.changes.push({ change: 'removed', source: o.source, name: o.name, arch: o.arch, oldVersion: o.version });
  }
}

/**
 * The packages (source, name, arch) whose entries differ between the two lists. Entries are
 * compared by fingerprint first, so a report that changed little costs one pass over its entries
 * and the pairing below runs for the changed packages alone.
 */
function changedKeys(previous: readonly SoftwareEntry[], next: readonly SoftwareEntry[]): Set<string> {
  const nextPrints = next.map(fingerprint);
  const previousPrints = previous.map(fingerprint);
  const balance = new Map<string, number>();
  for (const f of nextPrints) balance.set(f, (balance.get(f) ?? 0) + 1);
  for (const f of previousPrints) balance.set(f, (balance.get(f) ?? 0) - 1);
  const keys = new Set<string>();
  next.forEach((entry, i) => { if (balance.get(nextPrints[i]!) !== 0) keys.add(keyOf(entry)); });
  previous.forEach((entry, i) => { if (balance.get(previousPrints[i]!) !== 0) keys.add(keyOf(entry)); });
  return keys;
}

/**
 * Compares a device's stored software with a new full list. A package whose only version changed
 * is an upgrade (or downgrade), not a removal plus an addition; entries that stay keep the date
 * they were first seen, which licence reconciliation relies on; unchanged entries are not written.
 */
export function diffSoftware(previous: StoredSoftware[], next: SoftwareEntry[], now: Date): SoftwareDiff {
  const diff: SoftwareDiff = { toDelete: [], toInsert: [], changes: [] };
  if (previous.length === 0) {
    // A first inventory: everything is added, nothing needs pairing (or grouping).
    for (const n of next) {
      diff.toInsert.push({ ...n, firstSeen: now });
      diff.changes.push({ change: 'added', source: n.source, name: n.name, arch: n.arch, newVersion: n.version });
    }
    return diff;
  }
  const keys = changedKeys(previous, next);
  if (keys.size === 0) return diff;
  const before = groupByKey(previous.filter((s) => keys.has(keyOf(s))));
  const after = groupByKey(next.filter((s) => keys.has(keyOf(s))));
  for (const [key, entries] of after) diffPackage(before.get(key) ?? [], entries, now, diff);
  for (const [key, old] of before) {
    if (after.has(key)) continue;
    for (const o of old) {
      diff.toDelete.push(o);
      diff.changes.push({ change: 'removed', source: o.source, name: o.name, arch: o.arch, oldVersion: o.version });
    }
  }
  return diff;
}

/** The packages a delta touches, as (source, name, arch) columns for a read of those rows alone. */
export function packagesOf(entries: readonly SoftwareEntry[]): { source: string[]; name: string[]; arch: string[] } {
  const seen = new Map<string, SoftwareEntry>();
  for (const entry of entries) seen.set(keyOf(entry), entry);
  const picked = [...seen.values()];
  return { source: picked.map((e) => e.source), name: picked.map((e) => e.name), arch: picked.map((e) => e.arch ?? '') };
}
