import { existsSync } from 'node:fs';
import type { OsInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';

type Security = NonNullable<OsInfo['security']>;
type EncryptedVolume = NonNullable<Security['diskEncryption']>[number];

interface LsblkDevice {
  name?: string;
  type?: string;
  fstype?: string | null;
  mountpoint?: string | null;
  mountpoints?: Array<string | null>;
  children?: LsblkDevice[];
}

/**
 * Reads `lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT`: every LUKS container is an encrypted volume,
 * named by where its opened mapping is mounted (or by its device when closed or unmounted), and
 * protected while that mapping exists.
 */
export function parseLsblkEncryption(json: string): EncryptedVolume[] {
  let tree: { blockdevices?: LsblkDevice[] };
  try {
    tree = JSON.parse(json) as typeof tree;
  } catch {
    return [];
  }
  const volumes: EncryptedVolume[] = [];
  const walk = (device: LsblkDevice) => {
    if (device.fstype === 'crypto_LUKS') {
      const opened = device.children?.find((child) => child.type === 'crypt');
      const mount = opened && mountOf(opened);
      volumes.push({ volume: mount ?? `/dev/${device.name}`, method: 'LUKS', protected: true, status: opened ? 'unlocked' : 'locked' });
    }
    device.children?.forEach(walk);
  };
  tree.blockdevices?.forEach(walk);
  return volumes;
}

function mountOf(device: LsblkDevice): string | undefined {
  const own = device.mountpoint ?? device.mountpoints?.find((m) => m);
  return own ?? device.children?.map(mountOf).find(Boolean);
}

/** Disk encryption and the reboot Debian-family systems ask for after updates. */
export async function collectLinuxSecurity(): Promise<Security> {
  const lsblk = onPath('lsblk') ? await runCommand('lsblk', ['-J', '-o', 'NAME,TYPE,FSTYPE,MOUNTPOINT'], { timeoutMs: 5000 }) : null;
  const debianFamily = existsSync('/var/lib/dpkg/status');
  return {
    diskEncryption: lsblk === null ? undefined : parseLsblkEncryption(lsblk),
    rebootRequired: existsSync('/var/run/reboot-required') ? true : debianFamily ? false : undefined,
  };
}
