import type { DmiHardware } from './dmidecode.js';
import { known } from './placeholder-values.js';
import { isoDate } from './install-date.js';
import { readSysFiles } from './read-sys.js';

export const SYSFS_DMI = '/sys/class/dmi/id';

const FILES = [
  'sys_vendor', 'product_name', 'product_serial', 'product_uuid', 'product_sku', 'bios_vendor', 'bios_version',
  'bios_date', 'board_vendor', 'board_name', 'board_serial', 'chassis_type', 'chassis_vendor', 'chassis_serial',
] as const;

/** SMBIOS chassis types (DMI type 3, byte 5), as dmidecode names them. */
const CHASSIS_TYPES = [
  undefined, 'Other', 'Unknown', 'Desktop', 'Low Profile Desktop', 'Pizza Box', 'Mini Tower', 'Tower', 'Portable',
  'Laptop', 'Notebook', 'Hand Held', 'Docking Station', 'All In One', 'Sub Notebook', 'Space-saving', 'Lunch Box',
  'Main Server Chassis', 'Expansion Chassis', 'Sub Chassis', 'Bus Expansion Chassis', 'Peripheral Chassis',
  'RAID Chassis', 'Rack Mount Chassis', 'Sealed-case PC', 'Multi-system', 'CompactPCI', 'AdvancedTCA', 'Blade',
  'Blade Enclosure', 'Tablet', 'Convertible', 'Detachable', 'IoT Gateway', 'Embedded PC', 'Mini PC', 'Stick PC',
];

export function chassisTypeName(code: string | undefined): string | undefined {
  const n = Number(code);
  return Number.isInteger(n) ? CHASSIS_TYPES[n] : undefined;
}

/**
 * Maps the kernel's copy of the DMI tables (/sys/class/dmi/id, one value a file) to hardware fields.
 * The serial and UUID files are readable by root only; as another user they are simply missing.
 */
export function sysfsDmiHardware(files: Partial<Record<(typeof FILES)[number], string>>): Omit<DmiHardware, 'cpu' | 'memoryModules'> {
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(files.bios_date ?? '');
  const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    system: drop({
      manufacturer: known(files.sys_vendor),
      model: known(files.product_name),
      serial: known(files.product_serial),
      uuid: known(files.product_uuid)?.toLowerCase(),
      sku: known(files.product_sku),
    }),
    bios: drop({
      vendor: known(files.bios_vendor),
      version: known(files.bios_version),
      releaseDate: date ? isoDate(Number(date[3]), Number(date[1]), Number(date[2])) : known(files.bios_date),
    }),
    baseboard: drop({ manufacturer: known(files.board_vendor), model: known(files.board_name), serial: known(files.board_serial) }),
    chassis: drop({ type: chassisTypeName(files.chassis_type), manufacturer: known(files.chassis_vendor), serial: known(files.chassis_serial) }),
  };
}

export async function readSysfsDmi(dir = SYSFS_DMI) {
  return sysfsDmiHardware(await readSysFiles(dir, FILES));
}
