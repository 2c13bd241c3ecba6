import type { SnmpHostDevice, SnmpStorage, SoftwareEntry } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { dateFromDateAndTime } from '../values/date-and-time.js';
import { splitPackageLabel } from '../values/package-label.js';
import { singleIndex, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const HR_SW_INSTALLED_TABLE: TableSpec = {
  name: 'hrSWInstalledTable',
  entry: '1.3.6.1.2.1.25.6.3.1',
  // hrSWInstalledName, hrSWInstalledDate
  columns: [2, 5],
};

export const HR_STORAGE_TABLE: TableSpec = {
  name: 'hrStorageTable',
  entry: '1.3.6.1.2.1.25.2.3.1',
  // hrStorageType, hrStorageDescr, hrStorageAllocationUnits, hrStorageSize, hrStorageUsed
  columns: [2, 3, 4, 5, 6],
};

export const HR_DEVICE_TABLE: TableSpec = {
  name: 'hrDeviceTable',
  entry: '1.3.6.1.2.1.25.3.2.1',
  // hrDeviceType, hrDeviceDescr, hrDeviceStatus
  columns: [2, 3, 5],
};

const STORAGE_TYPES = ['other', 'ram', 'virtualMemory', 'fixedDisk', 'removableDisk', 'floppyDisk', 'compactDisc', 'ramDisk', 'flashMemory', 'networkDisk'];
const DEVICE_TYPES: Record<number, string> = {
  1: 'other', 2: 'unknown', 3: 'processor', 4: 'network', 5: 'printer', 6: 'diskStorage', 10: 'video', 11: 'audio',
  12: 'coprocessor', 13: 'keyboard', 14: 'modem', 15: 'parallelPort', 16: 'pointing', 17: 'serialPort', 18: 'tape',
  19: 'clock', 20: 'volatileMemory', 21: 'nonVolatileMemory',
};
const DEVICE_STATUS = ['unknown', 'running', 'warning', 'testing', 'down'] as const;

/** hrSWInstalledTable as installed-software entries (source 'hrSWInstalled'). */
export function readInstalledSoftware(rows: TableRows, cells: CellReader): SoftwareEntry[] {
  const found: SoftwareEntry[] = [];
  for (const row of rows.values()) {
    const label = cells.text(row.get(2), 'hrSWInstalledName', 512);
    if (!label) continue;
    const { name, version, arch } = splitPackageLabel(label);
    const bytes = cells.bytes(row.get(5), 'hrSWInstalledDate');
    found.push({
      name: name.slice(0, 512),
      version: version?.slice(0, 256),
      arch: arch?.slice(0, 64),
      installDate: bytes ? dateFromDateAndTime(bytes) : undefined,
      source: 'hrSWInstalled',
    });
  }
  return found;
}

export function readStorage(rows: TableRows, cells: CellReader): SnmpStorage[] {
  const found: SnmpStorage[] = [];
  for (const [index, row] of rows) {
    const i = singleIndex(index);
    if (i === undefined) continue;
    const typeOid = cells.oid(row.get(2), 'hrStorageType');
    const unit = cells.count(row.get(4), 'hrStorageAllocationUnits');
    const size = cells.count(row.get(5), 'hrStorageSize');
    const used = cells.count(row.get(6), 'hrStorageUsed');
    found.push({
      index: i,
      type: typeFromOid(typeOid, '1.3.6.1.2.1.25.2.1.', (n) => STORAGE_TYPES[n - 1]),
      descr: cells.text(row.get(3), 'hrStorageDescr', 255),
      sizeBytes: unit !== undefined && size !== undefined ? unit * size : undefined,
      usedBytes: unit !== undefined && used !== undefined ? unit * used : undefined,
    });
  }
  return found;
}

export function readHostDevices(rows: TableRows, cells: CellReader): SnmpHostDevice[] {
  const found: SnmpHostDevice[] = [];
  for (const [index, row] of rows) {
    const i = singleIndex(index);
    if (i === undefined) continue;
    found.push({
      index: i,
      type: typeFromOid(cells.oid(row.get(2), 'hrDeviceType'), '1.3.6.1.2.1.25.3.1.', (n) => DEVICE_TYPES[n]),
      descr: cells.text(row.get(3), 'hrDeviceDescr', 255),
      status: DEVICE_STATUS[(cells.integer(row.get(5), 'hrDeviceStatus') ?? 0) - 1],
    });
  }
  return found;
}

function typeFromOid(oid: string | undefined, base: string, name: (n: number) => string | undefined): string {
  if (!oid?.startsWith(base)) return 'other';
  return name(Number(oid.slice(base.length))) ?? 'other';
}
