import { createHash } from 'node:crypto';
import { inventoryContentHashInput, softwareDigestInput, type InventoryContent, type SoftwareEntry } from '@steward/shared';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const softwareDigestOf = (software: readonly SoftwareEntry[]) => sha256(softwareDigestInput(software));

/** The content hash of an inventory whose software digest is already known. */
export const contentHashOf = (content: Omit<InventoryContent, 'software'>, softwareDigest: string) =>
  sha256(inventoryContentHashInput(content, softwareDigest));
