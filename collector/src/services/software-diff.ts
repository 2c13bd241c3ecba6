import type { SoftwareEntry } from '@steward/shared';
import type { InstalledSoftware, SoftwareChange } from '../store/software.js';

const keyOf = (s: { source: string; name: string; arch?: string }) => `${s.source}\u0000${s.name}\u0000${s.arch ?? ''}`;

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

/**
 * Compares a device's stored software with a new full list. A package whose only version changed
 * is an upgrade (or downgrade), not a removal plus an addition; entries that stay keep the date
 * they were first seen, which licence reconciliation relies on.
 */
export function diffSoftware(
  previous: InstalledSoftware[],
  next: SoftwareEntry[],
  now: Date,
): { software: InstalledSoftware[]; changes: SoftwareChange[] } {
  const before = groupByKey(previous);
  const after = groupByKey(next);
  const software: InstalledSoftware[] = [];
  const changes: SoftwareChange[] = [];
  for (const [key, entries] of after) {
    const old = before.get(key) ?? [];
    const oldVersions = new Map<string, InstalledSoftware[]>();
    for (const o of old) oldVersions.set(o.version ?? '', [...(oldVersions.get(o.version ?? '') ?? []), o]);
    const unmatchedNew: SoftwareEntry[] = [];
    for (const entry of entries) {
      const same = oldVersions.get(entry.version ?? '')?.shift();
      if (same) software.push({ ...entry, firstSeen: same.firstSeen });
      else unmatchedNew.push(entry);
    }
    const unmatchedOld = [...oldVersions.values()].flat();
    if (unmatchedNew.length === 1 && unmatchedOld.length === 1) {
      const [n, o] = [unmatchedNew[0]!, unmatchedOld[0]!];
      software.push({ ...n, firstSeen: o.firstSeen });
      changes.push({ change: 'upgraded', source: n.source, name: n.name, arch: n.arch, oldVersion: o.version, newVersion: n.version });
      continue;
    }
    for (const n of unmatchedNew) {
      software.push({ ...n, firstSeen: now });
      changes.push({ change: 'added', source: n.source, name: n.name, arch: n.arch, newVersion: n.version });
    }
    for (const o of unmatchedOld) changes.push({ change: 'removed', source: o.source, name: o.name, arch: o.arch, oldVersion: o.version });
  }
  for (const [key, old] of before) {
    if (after.has(key)) continue;
    for (const o of old) changes.push({ change: 'removed', source: o.source, name: o.name, arch: o.arch, oldVersion: o.version });
  }
  return { software, changes };
}
