import { realpath, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Filesystem } from '@steward/shared/protocol';
import { listDir, readLink, readSysText } from './read-sys.js';

export interface Mount {
  mountPoint: string;
  type: string;
  source: string;
}

/**
 * Filesystems that hold no stored data: kernel interfaces and memory. Others without data (proc,
 * cgroup, bpf...) report zero blocks and are left out by their size.
 */
const PSEUDO_TYPES = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'efivarfs',
  'fusectl', 'hugetlbfs', 'mqueue', 'nsfs', 'proc', 'pstore', 'ramfs', 'rpc_pipefs', 'securityfs', 'selinuxfs',
  'sysfs', 'tmpfs', 'tracefs', 'fuse.gvfsd-fuse', 'fuse.portal', 'fuse.lxcfs',
]);

/**
 * Layered filesystems are container images: a container's own root is kept, the per-container
 * mounts a container host makes (under /var/lib/docker...) are not the host's storage.
 */
const LAYERED_TYPES = new Set(['overlay', 'aufs', 'fuse-overlayfs']);

/** mountinfo escapes space, tab, newline and backslash in paths as octal (\040). */
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/**
 * /proc/self/mountinfo: "id parent major:minor root mountpoint options [optional...] - type source
 * superoptions". A mount point mounted over keeps only its last (visible) mount; pseudo
 * filesystems are left out.
 */
export function parseMountinfo(text: string): Mount[] {
  const byMountPoint = new Map<string, Mount>();
  for (const line of text.split('\n')) {
    const [head, tail] = line.split(' - ');
    const fields = head?.trim().split(' ') ?? [];
    const [type, source] = tail?.trim().split(' ') ?? [];
    if (fields.length < 6 || !type || PSEUDO_TYPES.has(type)) continue;
    const mountPoint = unescape(fields[4]!);
    if (LAYERED_TYPES.has(type) && mountPoint !== '/') continue;
    byMountPoint.delete(mountPoint);
    byMountPoint.set(mountPoint, { mountPoint, type, source: unescape(source ?? '') });
  }
  return [...byMountPoint.values()];
}

export interface SpaceFigures {
  sizeBytes: number;
  freeBytes: number;
}

/** /dev/disk/by-label and by-uuid: the device each name points at, resolved to its /dev path. */
export async function readDiskNames(kind: 'by-label' | 'by-uuid', root = '/dev/disk'): Promise<Map<string, string>> {
  const dir = `${root}/${kind}`;
  const names = await listDir(dir);
  const pairs = await Promise.all(names.map(async (name) => {
    const target = await readLink(`${dir}/${name}`);
    // udev writes the characters a file name cannot hold as \xNN.
    return [target && path.resolve(dir, target), name.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))] as const;
  }));
  return new Map(pairs.filter((pair): pair is [string, string] => pair[0] !== undefined));
}

/**
 * One filesystem from its mount, its space and the names its device goes by. A filesystem without
 * blocks holds no data (proc, cgroup, a mount the agent may not read) and is left out.
 */
export function filesystemOf(mount: Mount, space: SpaceFigures | undefined, labels: Map<string, string>, uuids: Map<string, string>, devicePath = mount.source): Filesystem | undefined {
  if (!space || space.sizeBytes === 0) return undefined;
  return {
    mountPoint: mount.mountPoint,
    type: mount.type,
    sizeBytes: space.sizeBytes,
    freeBytes: space.freeBytes,
    device: mount.source || undefined,
    label: labels.get(devicePath),
    uuid: uuids.get(devicePath),
  };
}

/** A network mount whose server is gone can block statfs for minutes: it is given this long. */
const STATFS_TIMEOUT_MS = 2000;

async function spaceOf(mountPoint: string): Promise<SpaceFigures | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), STATFS_TIMEOUT_MS)));
  try {
    const stats = await Promise.race([statfs(mountPoint).catch(() => undefined), timeout]);
    return stats && { sizeBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
  } finally {
    clearTimeout(timer);
  }
}

export async function readLinuxFilesystems(mountinfo = '/proc/self/mountinfo'): Promise<Filesystem[]> {
  const [text, labels, uuids] = await Promise.all([readSysText(mountinfo), readDiskNames('by-label'), readDiskNames('by-uuid')]);
  const mounts = parseMountinfo(text ?? '');
  const [spaces, devices] = await Promise.all([
    Promise.all(mounts.map((m) => spaceOf(m.mountPoint))),
    // /dev/mapper/* and /dev/root are links: the by-label links point at the device itself.
    Promise.all(mounts.map((m) => (m.source.startsWith('/dev/') ? realpath(m.source).catch(() => m.source) : m.source))),
  ]);
  return mounts.flatMap((m, i) => filesystemOf(m, spaces[i], labels, uuids, devices[i]) ?? []);
}
