import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';

async function stampOf(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${file} ${s.mtimeNs} ${s.ctimeNs} ${s.size} ${s.ino}`;
  } catch {
    return `${file} -`;
  }
}

/**
 * Change stamps of files and directories: modification and change times (to the nanosecond where
 * the file system keeps them), size and inode, which package managers' atomic replacements change.
 * A path ending in a separator stands for its entries as well, for trees where a change lands one
 * level down (a new version directory under an existing package's directory).
 */
export async function fileStamps(paths: readonly string[]): Promise<string> {
  const stamps = await Promise.all(paths.map(async (file) => {
    if (!/[\\/]$/.test(file)) return stampOf(file);
    const dir = file.slice(0, -1);
    const entries = (await readdir(dir).catch(() => [] as string[])).sort();
    return (await Promise.all([dir, ...entries.map((entry) => `${dir}${file.slice(-1)}${entry}`)].map(stampOf))).join('\n');
  }));
  return stamps.join('\n');
}

/** The names in directories: devices arriving and leaving show up in sysfs class and bus listings. */
export async function listings(dirs: readonly string[]): Promise<string> {
  const lists = await Promise.all(dirs.map(async (dir) => `${dir}: ${(await readdir(dir).catch(() => [] as string[])).sort().join(' ')}`));
  return lists.join('\n');
}

/** Facts any platform tells for free: addresses and links, processors, memory, host name. */
export function processFacts(): string {
  const nics = Object.entries(os.networkInterfaces())
    .map(([name, addresses]) => `${name} ${(addresses ?? []).map((a) => `${a.cidr ?? a.address}/${a.mac}`).sort().join(' ')}`)
    .sort();
  return [os.hostname(), os.release(), os.availableParallelism(), os.totalmem(), ...nics].join('\n');
}
