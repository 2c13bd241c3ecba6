import type { HardwareInfo } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { listDir, readLink, readSysFiles, readSysText } from './read-sys.js';

type Disk = HardwareInfo['disks'][number];

/** Block devices that are not disks: loops, RAM disks, device-mapper and md volumes, optical and floppy drives. */
const NOT_DISKS = /^(loop|ram|zram|dm-|md|sr|fd|nbd|zd|drbd)/;

const INTERFACES: Array<[RegExp, string]> = [
  [/\/nvme\//, 'PCIe'], [/\/usb\d*\//, 'USB'], [/\/ata\d+\//, 'SATA'], [/\/virtio\d+\//, 'Virtio'],
  [/\/mmc_host\//, 'MMC'], [/\/host\d+\/(rport|target)/, 'SCSI'], [/\/xen\//, 'Xen'],
];

export interface BlockDeviceFiles {
  size?: string;
  vendor?: string;
  model?: string;
  serial?: string;
  rotational?: string;
  /** Where /sys/block/<name> leads: its path names the bus the disk hangs on. */
  devicePath?: string;
}

/** One disk from its sysfs files. Sizes are in 512-byte sectors whatever the disk's own sector size. */
export function blockDeviceDisk(name: string, files: BlockDeviceFiles): Disk {
  const path = files.devicePath ?? '';
  // Virtio and some SCSI layers put a PCI vendor id (0x1af4) where a name belongs.
  const vendor = files.vendor && !/^0x[0-9a-f]+$/i.test(files.vendor.trim()) ? known(files.vendor) : undefined;
  const model = [vendor, known(files.model)].filter(Boolean).join(' ') || undefined;
  const nvme = name.startsWith('nvme');
  return {
    name,
    model,
    serial: known(files.serial),
    sizeBytes: positive(Number(files.size) * 512),
    type: nvme ? 'NVMe' : files.rotational === '1' ? 'HD' : files.rotational === '0' ? 'SSD' : undefined,
    interface: INTERFACES.find(([pattern]) => pattern.test(path))?.[1],
  };
}

export async function readBlockDevices(root = '/sys/block'): Promise<Disk[]> {
  const names = (await listDir(root)).filter((name) => !NOT_DISKS.test(name));
  return Promise.all(names.map(async (name) => {
    const dir = `${root}/${name}`;
    const [files, deviceFiles, devicePath, serial] = await Promise.all([
      readSysFiles(dir, ['size']),
      readSysFiles(`${dir}/device`, ['vendor', 'model', 'serial']),
      readLink(dir),
      readSysText(`${dir}/serial`),
    ]);
    const rotational = await readSysText(`${dir}/queue/rotational`);
    return blockDeviceDisk(name, { ...files, ...deviceFiles, serial: serial ?? deviceFiles.serial, rotational, devicePath });
  }));
}
