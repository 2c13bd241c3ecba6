import type { HardwareInfo } from '@steward/shared/protocol';
import { known } from './placeholder-values.js';
import { listDir, readSysFiles, readSysText } from './read-sys.js';

type UsbDevice = NonNullable<HardwareInfo['usbDevices']>[number];

/** USB base classes (bDeviceClass, or bInterfaceClass when the device leaves it to its interfaces). */
const USB_CLASSES: Record<string, string> = {
  '01': 'Audio', '02': 'Communications', '03': 'Human Interface Device', '05': 'Physical', '06': 'Image',
  '07': 'Printer', '08': 'Mass Storage', '09': 'Hub', '0a': 'CDC Data', '0b': 'Smart Card', '0d': 'Content Security',
  '0e': 'Video', '0f': 'Personal Healthcare', '10': 'Audio/Video', '11': 'Billboard', 'dc': 'Diagnostic',
  'e0': 'Wireless Controller', 'ef': 'Miscellaneous', 'fe': 'Application Specific', 'ff': 'Vendor Specific',
};

/** What sysfs tells of one USB device under /sys/bus/usb/devices/<bus>-<port path>. */
export interface SysUsb {
  idVendor?: string;
  idProduct?: string;
  manufacturer?: string;
  product?: string;
  serial?: string;
  bDeviceClass?: string;
  /** The first interface's class, read when the device class is 00 (defined per interface). */
  interfaceClass?: string;
  /** Mbit/s: 1.5, 12, 480, 5000... */
  speed?: string;
}

/** One device from its sysfs files. */
export function usbDevice(port: string, sys: SysUsb): UsbDevice {
  const vendorId = sys.idVendor?.trim().toLowerCase();
  const productId = sys.idProduct?.trim().toLowerCase();
  const classCode = sys.bDeviceClass?.trim().toLowerCase() === '00' ? sys.interfaceClass : sys.bDeviceClass;
  const speed = Number(sys.speed);
  return {
    name: known(sys.product) ?? (vendorId && productId ? `USB device ${vendorId}:${productId}` : undefined),
    manufacturer: known(sys.manufacturer),
    vendorId,
    productId,
    serial: known(sys.serial),
    class: USB_CLASSES[classCode?.trim().toLowerCase() ?? ''],
    port,
    speedMbps: speed > 0 ? speed : undefined,
  };
}

/**
 * Every device plugged into a USB port: entries named <bus>-<port path>. The kernel's root hubs
 * (usb1...) are controllers, listed with the PCI ones, and entries with a colon are a device's interfaces.
 */
export async function readUsbDevices(root = '/sys/bus/usb/devices'): Promise<UsbDevice[]> {
  const ports = (await listDir(root)).filter((name) => /^\d+-[\d.]+$/.test(name)).sort();
  return Promise.all(ports.map(async (port) => {
    const dir = `${root}/${port}`;
    const sys: SysUsb = await readSysFiles(dir, ['idVendor', 'idProduct', 'manufacturer', 'product', 'serial', 'bDeviceClass', 'speed'] as const);
    if (sys.bDeviceClass?.trim() === '00') sys.interfaceClass = await readSysText(`${dir}/${port}:1.0/bInterfaceClass`);
    return usbDevice(port, sys);
  }));
}
