import type { HardwareInfo } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { normaliseDate } from './install-date.js';
import { wmiNumber, wmiText, wmiBoolean, type WmiObject } from './wmi-objects.js';
import { classifyVirtualization } from './virtualization.js';
import { repairDeep } from './text-repair.js';

const CPU_VENDORS: Record<string, string> = { GenuineIntel: 'Intel', AuthenticAMD: 'AMD' };

/**
 * Win32_Processor: one instance a socket. Its Description ("Intel64 Family 6 Model 42 Stepping 7")
 * carries the x86 identification; L3CacheSize is in KB. L2CacheSize is left out: it sums the
 * socket's cores, where the report gives one core's view.
 */
/** Win32_Processor.Architecture codes. */
const CPU_ARCHITECTURES: Record<number, string> = { 0: 'i686', 5: 'armv7l', 6: 'ia64', 9: 'x86_64', 12: 'arm64' };

export function wmiCpu(processors: WmiObject[]): HardwareInfo['cpu'] {
  const head = processors[0];
  const sum = (name: string) => positive(processors.reduce((n, p) => n + (wmiNumber(p, name) ?? 0), 0));
  const vendor = wmiText(head, 'Manufacturer');
  const mhz = wmiNumber(head, 'MaxClockSpeed');
  const id = /Family (\d+) Model (\d+) Stepping (\d+)/.exec(wmiText(head, 'Description') ?? '');
  const l3 = positive(wmiNumber(head, 'L3CacheSize'));
  return repairDeep({
    manufacturer: vendor ? CPU_VENDORS[vendor] ?? known(vendor) : undefined,
    brand: known(wmiText(head, 'Name')),
    arch: CPU_ARCHITECTURES[wmiNumber(head, 'Architecture') ?? -1],
    sockets: positive(processors.length),
    cores: sum('NumberOfCores'),
    threads: sum('NumberOfLogicalProcessors'),
    speedGHz: positive(mhz) && mhz! / 1000,
    ...(id && { family: Number(id[1]), model: Number(id[2]), stepping: Number(id[3]) }),
    cache: l3 ? { l3Bytes: l3 * 1024 } : undefined,
  });
}

/** SMBIOS memory types (SMBIOSMemoryType, and MemoryType on older systems). */
const MEMORY_TYPES: Record<number, string> = {
  17: 'SDRAM', 18: 'SGRAM', 19: 'RDRAM', 20: 'DDR', 21: 'DDR2', 22: 'DDR2 FB-DIMM', 24: 'DDR3', 26: 'DDR4',
  27: 'LPDDR', 28: 'LPDDR2', 29: 'LPDDR3', 30: 'LPDDR4', 34: 'DDR5', 35: 'LPDDR5',
};

/** Win32_PhysicalMemory: one instance a module. */
export function wmiMemoryModules(modules: WmiObject[]): HardwareInfo['memory']['modules'] {
  return repairDeep(modules.flatMap((m) => {
    const sizeBytes = positive(wmiNumber(m, 'Capacity'));
    if (!sizeBytes) return [];
    return [{
      slot: known(wmiText(m, 'DeviceLocator')) ?? known(wmiText(m, 'BankLabel')),
      sizeBytes,
      type: MEMORY_TYPES[wmiNumber(m, 'SMBIOSMemoryType') ?? 0] ?? MEMORY_TYPES[wmiNumber(m, 'MemoryType') ?? 0],
      speedMHz: positive(wmiNumber(m, 'ConfiguredClockSpeed')) ?? positive(wmiNumber(m, 'Speed')),
      manufacturer: known(wmiText(m, 'Manufacturer')),
      serial: known(wmiText(m, 'SerialNumber')),
      partNumber: known(wmiText(m, 'PartNumber')),
    }];
  }));
}

/**
 * Older Windows reports ATA serial numbers as the hex of their bytes, each pair of characters
 * swapped as ATA stores them; such a value is decoded when it decodes to printable text.
 */
export function wmiDiskSerial(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || !/^([0-9a-f]{2}){8,}$/i.test(text)) return known(text);
  const bytes = Buffer.from(text, 'hex');
  if (![...bytes].every((b) => b >= 0x20 && b < 0x7f)) return known(text);
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return known(bytes.toString('latin1'));
}

/** Win32_DiskDrive. */
export function wmiDisks(drives: WmiObject[]): HardwareInfo['disks'] {
  return repairDeep(drives.map((d) => ({
    name: known(wmiText(d, 'DeviceID')),
    model: known(wmiText(d, 'Model')),
    serial: wmiDiskSerial(wmiText(d, 'SerialNumber')),
    sizeBytes: positive(wmiNumber(d, 'Size')),
    interface: known(wmiText(d, 'InterfaceType')),
    smartStatus: known(wmiText(d, 'Status')),
  })));
}

/** Win32_Bios; its SerialNumber is the machine's serial number. */
export function wmiBios(bios: WmiObject | undefined): { bios: HardwareInfo['bios']; serial?: string } {
  return repairDeep({
    bios: {
      vendor: known(wmiText(bios, 'Manufacturer')),
      version: known(wmiText(bios, 'SMBIOSBIOSVersion')) ?? known(wmiText(bios, 'Version')),
      releaseDate: normaliseDate(wmiText(bios, 'ReleaseDate')),
    },
    serial: known(wmiText(bios, 'SerialNumber')),
  });
}

/** Win32_ComputerSystem: maker, model, SKU, and whether Windows runs under a hypervisor. */
export function wmiComputerSystem(system: WmiObject | undefined) {
  const manufacturer = known(wmiText(system, 'Manufacturer'));
  const model = known(wmiText(system, 'Model'));
  return repairDeep({
    system: { manufacturer, model, sku: known(wmiText(system, 'SystemSKUNumber')) },
    totalBytes: positive(wmiNumber(system, 'TotalPhysicalMemory')),
    virtualization: classifyVirtualization({ manufacturer, model }),
    hypervisorPresent: wmiBoolean(system, 'HypervisorPresent'),
    domain: wmiBoolean(system, 'PartOfDomain') ? known(wmiText(system, 'Domain')) : undefined,
    workgroup: known(wmiText(system, 'Workgroup')),
    userName: known(wmiText(system, 'UserName')),
  });
}

