import { open } from 'node:fs/promises';
import type { HardwareInfo } from '@steward/shared/protocol';
import { listDir, readLink, readSysFiles } from './read-sys.js';

type Controller = NonNullable<HardwareInfo['controllers']>[number];

/** Where distributions keep the PCI ID database (pciutils, hwdata). */
export const PCI_IDS_FILES = ['/usr/share/misc/pci.ids', '/usr/share/hwdata/pci.ids', '/usr/share/pci.ids'];

export interface PciNames {
  /** Vendor id → name. */
  vendors: Map<string, string>;
  /** vendor:device → name. */
  devices: Map<string, string>;
  /** Class (2 hex digits) or class and subclass (4) → name. */
  classes: Map<string, string>;
}

type WantedPciIds = { vendors: Set<string>; devices: Set<string>; classes: Set<string> };

/**
 * Reads the names it is asked for out of the PCI ID database, a line at a time: vendor lines
 * ("8086  Intel Corporation"), their device lines one tab in, and in the class section ("C 02
 * Network controller") the subclass lines one tab in. Only wanted ids are kept.
 */
export function pciIdsScanner(wanted: WantedPciIds): { names: PciNames; line: (line: string) => void } {
  const names: PciNames = { vendors: new Map(), devices: new Map(), classes: new Map() };
  let vendor: string | undefined;
  let klass: string | undefined;
  const line = (line: string) => {
    if (line.startsWith('#') || line.length < 4) return;
    if (line.startsWith('C ')) {
      klass = line.slice(2, 4);
      vendor = undefined;
      if (wanted.classes.has(klass)) names.classes.set(klass, line.slice(4).trim());
    } else if (line[0] !== '\t') {
      vendor = line.slice(0, 4);
      klass = undefined;
      if (wanted.vendors.has(vendor)) names.vendors.set(vendor, line.slice(4).trim());
    } else if (line[1] !== '\t') {
      if (vendor && wanted.vendors.has(vendor)) {
        const id = `${vendor}:${line.slice(1, 5)}`;
        if (wanted.devices.has(id)) names.devices.set(id, line.slice(5).trim());
      } else if (klass) {
        const id = `${klass}${line.slice(1, 3)}`;
        if (wanted.classes.has(id)) names.classes.set(id, line.slice(3).trim());
      }
    }
  };
  return { names, line };
}

/** Feeds each line of a text to a scanner. */
function scanLines(text: string, line: (line: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line(text.slice(start, end));
    start = end + 1;
  }
}

export function parsePciIds(text: string, wanted: WantedPciIds): PciNames {
  const scanner = pciIdsScanner(wanted);
  scanLines(text, scanner.line);
  return scanner.names;
}

/** What sysfs tells of one PCI function: ids as 0x-prefixed hex, and the bound driver's name. */
export interface SysPci {
  vendor?: string;
  device?: string;
  class?: string;
  subsystem_vendor?: string;
  subsystem_device?: string;
  revision?: string;
  driver?: string;
}

const hex = (value: string | undefined, digits: number) =>
  value && /^0x[0-9a-f]+$/i.test(value) ? value.slice(2).toLowerCase().padStart(digits, '0').slice(-digits) : undefined;

/** One controller from its sysfs files, named from the PCI ID database where it knows the ids. */
export function pciController(slot: string, sys: SysPci, names: PciNames): Controller {
  const vendorId = hex(sys.vendor, 4);
  const productId = hex(sys.device, 4);
  const pciClass = hex(sys.class, 6)?.slice(0, 4);
  const subVendor = hex(sys.subsystem_vendor, 4);
  const subDevice = hex(sys.subsystem_device, 4);
  const type = pciClass ? names.classes.get(pciClass) ?? names.classes.get(pciClass.slice(0, 2)) : undefined;
  return {
    // A device the database does not name is called by what it is, as lspci and fusioninventory do.
    name: (vendorId && productId && names.devices.get(`${vendorId}:${productId}`)) ?? type ?? (vendorId && productId ? unnamedPciDevice(vendorId, productId) : undefined),
    manufacturer: vendorId ? names.vendors.get(vendorId) : undefined,
    type,
    pciClass,
    slot,
    vendorId,
    productId,
    subsystemId: subVendor && subDevice && `${subVendor}${subDevice}` !== '00000000' ? `${subVendor}:${subDevice}` : undefined,
    revision: hex(sys.revision, 2),
    driver: sys.driver,
  };
}

/**
 * Scans the first PCI ID database there is in 64 KB pieces: the 1.3 MB file is never held whole,
 * which would grow the agent's heap by several times its size for a few names.
 */
async function readPciNames(files: readonly string[], wanted: WantedPciIds): Promise<PciNames> {
  for (const file of files) {
    const handle = await open(file, 'r').catch(() => undefined);
    if (!handle) continue;
    const scanner = pciIdsScanner(wanted);
    try {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      let rest = '';
      for (let read; (read = (await handle.read(chunk, 0, chunk.length, null)).bytesRead) > 0;) {
        const text = rest + chunk.toString('latin1', 0, read);
        const cut = text.lastIndexOf('\n') + 1;
        scanLines(text.slice(0, cut), scanner.line);
        rest = text.slice(cut);
      }
      scanLines(rest, scanner.line);
      return scanner.names;
    } catch {
      continue;
    } finally {
      await handle.close();
    }
  }
  return { vendors: new Map(), devices: new Map(), classes: new Map() };
}

/** Every PCI function under /sys/bus/pci/devices, named from the PCI ID database when one is installed. */
export async function readPciControllers(root = '/sys/bus/pci/devices', idsFiles: readonly string[] = PCI_IDS_FILES): Promise<Controller[]> {
  const slots = (await listDir(root)).sort();
  const devices = await Promise.all(slots.map(async (slot) => {
    const [files, driver] = await Promise.all([
      readSysFiles(`${root}/${slot}`, ['vendor', 'device', 'class', 'subsystem_vendor', 'subsystem_device', 'revision'] as const),
      readLink(`${root}/${slot}/driver`),
    ]);
    return { slot, sys: { ...files, driver: driver?.split('/').pop() } as SysPci };
  }));
  if (devices.length === 0) return [];
  const wanted = { vendors: new Set<string>(), devices: new Set<string>(), classes: new Set<string>() };
  for (const { sys } of devices) {
    const vendor = hex(sys.vendor, 4);
    const klass = hex(sys.class, 6);
    if (vendor) wanted.vendors.add(vendor);
    if (vendor && hex(sys.device, 4)) wanted.devices.add(`${vendor}:${hex(sys.device, 4)}`);
    if (klass) wanted.classes.add(klass.slice(0, 2)).add(klass.slice(0, 4));
  }
  const names = await readPciNames(idsFiles, wanted);
  return devices.map(({ slot, sys }) => pciController(slot, sys, names));
}

/** The name of a device neither the PCI ID database nor its class names. */
export function unnamedPciDevice(vendorId: string, productId: string): string {
  return `PCI device ${vendorId}:${productId}`;
}
