import type { SoftwareEntry } from '@steward/shared';
import { collectDpkg } from './dpkg.js';

/** Every installed-software source this platform has, read together. */
export async function collectInstalledSoftware(platform: NodeJS.Platform = process.platform): Promise<SoftwareEntry[]> {
  const sources: Array<() => Promise<SoftwareEntry[]>> = [];
  if (platform === 'linux') sources.push(collectDpkg);
  const lists = await Promise.all(sources.map((collect) => collect().catch(() => [])));
  return lists.flat();
}
