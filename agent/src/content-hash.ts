import { createHash } from 'node:crypto';
import { inventoryContentHashInput, softwareDigestInput, type InventoryContent } from '@steward/shared/protocol';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The content hash a collector computes for the same inventory: the protocol's canonical form,
 * hashed. A delta names the hash it was made against and the hash it leads to.
 */
export function hashInventory(content: InventoryContent): string {
  return sha256(inventoryContentHashInput(content, sha256(softwareDigestInput(content.software))));
}
