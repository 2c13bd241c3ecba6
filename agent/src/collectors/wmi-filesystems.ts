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
