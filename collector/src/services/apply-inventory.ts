import type { InventoryContent } from '@steward/shared';
import { recordPresentedEvidence } from '../identity/place-agent.js';
import type { Queryable } from '../store/database.js';
import { markDeviceReported, updateDeviceInventory } from '../store/reports.js';
import { deleteInstalledSoftware, insertInstalledSoftware, insertSoftwareChanges, readInstalledSoftware } from '../store/software.js';
import { contentHashOf, softwareDigestInSlices } from './content-digests.js';
import { letOthersIn } from './event-loop-turns.js';
import { diffSoftware } from './software-diff.js';

export interface HeldDigests { lastCollectedAt: Date | null; softwareDigest: string | null; contentHash: string | null }

/** One inventory as it is applied to a device: what an agent reported, or what a scan read from the host. */
export type AppliedInventory = InventoryContent & { reportId: string; collectedAt: string };

/**
 * Brings a device to one full inventory: its software (with what changed, dated when collected),
 * identity, hardware and OS, and the evidence it presents. Digests first: an inventory of what
 * the device already holds touches no software row. Returns the content hash, whether anything changed,
 * and whether only the software did.
 */
export async function applyInventory(
  tx: Queryable, deviceId: string, inventory: AppliedInventory, held: HeldDigests, now: Date,
  /** The inventory's digests when the caller computed them already (outside its transaction). */
  digests?: { softwareDigest: string; contentHash: string },
): Promise<{ contentHash: string; changed: boolean; softwareOnly?: true }> {
  const softwareDigest = digests?.softwareDigest ?? await softwareDigestInSlices(inventory.software);
  const contentHash = digests?.contentHash ?? contentHashOf(inventory, softwareDigest);
  if (contentHash === held.contentHash) {
    await markDeviceReported(tx, deviceId, inventory);
    return { contentHash, changed: false };
  }
  if (softwareDigest !== held.softwareDigest) await replaceSoftware(tx, deviceId, inventory, held.lastCollectedAt !== null, now);
  await updateDeviceInventory(tx, deviceId, {
    identity: inventory.identity, hardware: inventory.hardware, os: inventory.os, softwareCount: inventory.software.length,
    softwareDigest, contentHash, reportId: inventory.reportId, collectedAt: inventory.collectedAt,
  });
  // Identity, hardware and OS are in the content hash: when only the software moved, the evidence stands.
  if (contentHashOf(inventory, held.softwareDigest ?? '') === held.contentHash) return { contentHash, changed: true, softwareOnly: true };
  await recordPresentedEvidence(tx, deviceId, inventory);
  return { contentHash, changed: true };
}

/** Brings the device's installed software to the inventory's list, recording what changed (not for a first inventory, which is a baseline). */
async function replaceSoftware(tx: Queryable, deviceId: string, inventory: AppliedInventory, known: boolean, now: Date): Promise<void> {
  const previous = await readInstalledSoftware(tx, deviceId);
  const diff = diffSoftware(previous, inventory.software, now);
  await letOthersIn();
  await deleteInstalledSoftware(tx, deviceId, diff.toDelete);
  await insertInstalledSoftware(tx, deviceId, diff.toInsert);
  if (known) await insertSoftwareChanges(tx, deviceId, new Date(inventory.collectedAt), diff.changes);
}
