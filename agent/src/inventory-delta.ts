import {
  VOLATILE_OS_FIELDS, applyMergePatch, canonicalJson, createMergePatch, type DeviceIdentity, type HardwareInfo, type InventoryContent, type InventoryDelta,
  type OsInfo, type SoftwareEntry,
} from '@steward/shared/protocol';

/** The changing part of a delta report: what turns one inventory into the next. */
export type InventoryChanges = Pick<InventoryDelta, 'identity' | 'hardware' | 'os' | 'software'>;

/** Software entries added and removed between two lists, as multisets: an upgrade is one of each. */
export function diffSoftwareLists(before: readonly SoftwareEntry[], after: readonly SoftwareEntry[]): { added: SoftwareEntry[]; removed: SoftwareEntry[] } {
  const left = new Map<string, SoftwareEntry[]>();
  for (const entry of before) {
    const key = canonicalJson(entry);
    const same = left.get(key);
    if (same) same.push(entry);
    else left.set(key, [entry]);
  }
  const added: SoftwareEntry[] = [];
  for (const entry of after) if (!left.get(canonicalJson(entry))?.pop()) added.push(entry);
  return { added, removed: [...left.values()].flat() };
}

/** Everything that differs between two inventories; empty when nothing does. */
export function diffInventory(before: InventoryContent, after: InventoryContent): InventoryChanges {
  const changes: InventoryChanges = {};
  if (canonicalJson(before.identity) !== canonicalJson(after.identity)) changes.identity = after.identity;
  const hardware = createMergePatch(before.hardware as Record<string, unknown>, after.hardware as Record<string, unknown>);
  if (hardware) changes.hardware = hardware;
  const os = createMergePatch(before.os as Record<string, unknown>, after.os as Record<string, unknown>);
  if (os) changes.os = os;
  const software = diffSoftwareLists(before.software, after.software);
  if (software.added.length || software.removed.length) changes.software = software;
  return changes;
}

/** The changes between two inventories of equal hash: only their volatile OS fields can differ. */
export function volatileChanges(before: InventoryContent, after: InventoryContent): InventoryChanges {
  const os: Record<string, unknown> = {};
  for (const field of VOLATILE_OS_FIELDS) {
    if (after.os[field] !== before.os[field]) os[field] = after.os[field] ?? null;
  }
  return Object.keys(os).length ? { os } : {};
}

/** The inventory a delta leads to, as the collector computes it (used to fold spooled deltas). */
export function applyInventoryChanges(content: InventoryContent, changes: InventoryChanges): InventoryContent {
  let software = content.software;
  if (changes.software) {
    // What is left of the held list once the removed entries are matched off it.
    const { added: kept } = diffSoftwareLists(changes.software.removed, content.software);
    software = [...kept, ...changes.software.added];
  }
  return {
    identity: (changes.identity ?? content.identity) as DeviceIdentity,
    hardware: (changes.hardware ? applyMergePatch(content.hardware, changes.hardware) : content.hardware) as HardwareInfo,
    os: (changes.os ? applyMergePatch(content.os, changes.os) : content.os) as OsInfo,
    software,
  };
}
