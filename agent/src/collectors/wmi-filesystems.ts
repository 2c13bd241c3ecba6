import type { Filesystem } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { wmiNumber, wmiText, type WmiObject } from './wmi-objects.js';
import { repairDeep } from './text-repair.js';

/**
 * Win32_LogicalDisk: one filesystem per drive letter. A drive without a size is an empty card
 * reader or optical drive and is left out; a network drive names its share as its device.
 */
export function wmiLogicalDisks(disks: WmiObject[]): Filesystem[] {
  return repairDeep(disks.flatMap((d) => {
    const mountPoint = known(wmiText(d, 'DeviceID'));
    const sizeBytes = positive(wmiNumber(d, 'Size'));
    if (!mountPoint || sizeBytes === undefined) return [];
    return [{
      mountPoint,
      type: known(wmiText(d, 'FileSystem')),
      sizeBytes,
      freeBytes: wmiNumber(d, 'FreeSpace'),
      device: known(wmiText(d, 'ProviderName')),
      label: known(wmiText(d, 'VolumeName')),
      uuid: known(wmiText(d, 'VolumeSerialNumber')),
    }];
  }));
}

/**
 * Win32_Volume: volumes mounted on a folder (C:\mnt\data\) rather than a drive letter, which
 * Win32_LogicalDisk does not list. Lettered volumes come from there, and volumes mounted nowhere
 * (recovery, EFI: named \\?\Volume{...}\) hold nothing a user stores.
 */
export function wmiFolderVolumes(volumes: WmiObject[]): Filesystem[] {
  return repairDeep(volumes.flatMap((v) => {
    const name = known(wmiText(v, 'Name'));
    const sizeBytes = positive(wmiNumber(v, 'Capacity'));
    if (!name || known(wmiText(v, 'DriveLetter')) || name.startsWith('\\\\?\\') || sizeBytes === undefined) return [];
    const serial = wmiNumber(v, 'SerialNumber');
    return [{
      mountPoint: name.replace(/\\$/, ''),
      type: known(wmiText(v, 'FileSystem')),
      sizeBytes,
      freeBytes: wmiNumber(v, 'FreeSpace'),
      label: known(wmiText(v, 'Label')),
      // The serial as Windows shows it (vol, dir): eight hex digits.
      uuid: serial === undefined ? undefined : (serial >>> 0).toString(16).toUpperCase().padStart(8, '0'),
    }];
  }));
}
