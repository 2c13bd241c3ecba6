import { createHash } from 'node:crypto';
import { inventoryContentHashInput, type InventoryContent, type SoftwareEntry } from '@steward/shared';
import { softwareDigestText } from './canonical-software.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const softwareDigestOf = (software: readonly SoftwareEntry[]) => sha256(softwareDigestText(software));

/** The content hash of an inventory whose software digest is already known. */
export const contentHashOf = (content: Omit<InventoryContent, 'software'>, softwareDigest: string) =>
  sha256(inventoryContentHashInput(content, softwareDigest));
