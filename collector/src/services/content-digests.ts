import { createHash } from 'node:crypto';
import { inventoryContentHashInput, type InventoryContent, type SoftwareEntry } from '@steward/shared';
import { canonicalSoftwareEntry, softwareDigestText } from './canonical-software.js';
import { letOthersIn, mapInSlices } from './event-loop-turns.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const softwareDigestOf = (software: readonly SoftwareEntry[]) => sha256(softwareDigestText(software));

/** The content hash of an inventory whose software digest is already known. */
export const contentHashOf = (content: Omit<InventoryContent, 'software'>, softwareDigest: string) =>
  sha256(inventoryContentHashInput(content, softwareDigest));

/** softwareDigestOf for a list of any length, letting other requests in between slices of it. */
export async function softwareDigestInSlices(software: readonly SoftwareEntry[]): Promise<string> {
  const lines = await mapInSlices(software, canonicalSoftwareEntry);
  await letOthersIn();
  return sha256(lines.sort().join('\n'));
}
