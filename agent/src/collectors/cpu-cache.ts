import type { HardwareInfo } from '@steward/shared/protocol';
import { listDir, readSysFiles } from './read-sys.js';

type CpuCache = NonNullable<HardwareInfo['cpu']['cache']>;

/** One cache as /sys/devices/system/cpu/cpu0/cache/index<N> describes it. */
export interface SysCacheIndex {
  level?: string;
  /** Data, Instruction or Unified. */
  type?: string;
  /** "32K", "1024K", "32M". */
  size?: string;
}

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

function sizeBytes(size: string | undefined): number | undefined {
  const match = /^(\d+)\s*([KMG]?)$/i.exec(size?.trim() ?? '');
  return match ? Number(match[1]) * UNITS[match[2]!.toUpperCase()]! : undefined;
}

function cacheKey({ level, type }: SysCacheIndex): keyof CpuCache | undefined {
  if (level === '1') return type === 'Data' ? 'l1dBytes' : type === 'Instruction' ? 'l1iBytes' : undefined;
  if (level === '2') return 'l2Bytes';
  if (level === '3') return 'l3Bytes';
  return undefined;
}

/** The caches the first processor sees, by level; undefined when the kernel describes none. */
export function cpuCache(indexes: SysCacheIndex[]): CpuCache | undefined {
  const cache: CpuCache = {};
  for (const index of indexes) {
    const key = cacheKey(index);
    const bytes = sizeBytes(index.size);
    if (key && bytes) cache[key] = bytes;
  }
  return Object.keys(cache).length ? cache : undefined;
}

export async function readCpuCache(root = '/sys/devices/system/cpu/cpu0/cache'): Promise<CpuCache | undefined> {
  const names = (await listDir(root)).filter((name) => /^index\d+$/.test(name));
  return cpuCache(await Promise.all(names.map((name) => readSysFiles(`${root}/${name}`, ['level', 'type', 'size'] as const))));
}
