import os from 'node:os';
import path from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCpuIdentification, isaLevelOf } from '../../agent/src/collectors/cpu-identification.js';
import { cpuCache, readCpuCache } from '../../agent/src/collectors/cpu-cache.js';
import { formatIpv6, ipv6Groups, subnetOf } from '../../agent/src/collectors/ip-address.js';
import { parseIpv4DefaultRoutes, parseIpv6DefaultRoutes } from '../../agent/src/collectors/net-routes.js';
import { netInterface } from '../../agent/src/collectors/net-interfaces.js';
import { readNetLinkDetails } from '../../agent/src/collectors/net-link-details.js';
import { readUsbDevices, usbDevice } from '../../agent/src/collectors/usb-devices.js';
import { readFirmwareBoot, secureBootOf } from '../../agent/src/collectors/firmware-boot.js';
import { ownText } from './fixture-files.js';

const onLinux = process.platform === 'linux';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'steward-sysfs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a tree of sysfs-like files: path → content. */
function sysTree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('processor identification', () => {
  it('reads the microcode revision, the x86-64 level and virtualisation support of a recorded EPYC guest', () => {
    expect(parseCpuIdentification(ownText('sys/cpuinfo-epyc-vm.txt'))).toEqual({
      arch: 'x86_64', family: 25, model: 17, stepping: 1, microcode: '0x1000065', isaLevel: 'x86-64-v4', virtualizationSupport: false,
    });
  });

  it('stops at the first level a flag is missing from, and names none without the 64-bit baseline', () => {
    const v1 = 'lm cmov cx8 fpu fxsr mmx syscall sse sse2';
    const v2 = `${v1} cx16 lahf_lm popcnt pni sse4_1 sse4_2 ssse3`;
    expect(isaLevelOf(v1)).toBe('x86-64-v1');
    expect(isaLevelOf(`${v2} vmx`)).toBe('x86-64-v2');
    // AVX-512 without the v3 flags does not make a v4 processor.
    expect(isaLevelOf(`${v2} avx512f avx512bw avx512cd avx512dq avx512vl`)).toBe('x86-64-v2');
    expect(isaLevelOf('fpu vme de pse tsc sse sse2')).toBeUndefined();
    expect(parseCpuIdentification(`processor\t: 0\nflags\t\t: ${v2} vmx\n`)).toEqual({ arch: 'x86_64', isaLevel: 'x86-64-v2', virtualizationSupport: true });
  });

  it('reads cache sizes by level and type', () => {
    expect(cpuCache([
      { level: '1', type: 'Data', size: '48K' }, { level: '1', type: 'Instruction', size: '32K' },
      { level: '2', type: 'Unified', size: '1280K' }, { level: '3', type: 'Unified', size: '24M' }, { level: '4', type: 'Unified', size: 'x' },
    ])).toEqual({ l1dBytes: 48 * 1024, l1iBytes: 32 * 1024, l2Bytes: 1280 * 1024, l3Bytes: 24 * 1024 ** 2 });
    expect(cpuCache([])).toBeUndefined();
  });

  it.skipIf(!onLinux || !existsSync('/sys/devices/system/cpu/cpu0/cache/index0'))('reads this machine\'s caches as the kernel lists them', async () => {
    const root = '/sys/devices/system/cpu/cpu0/cache';
    const l2 = readFileSync(`${root}/index2/size`, 'utf8').trim();
    const cache = await readCpuCache(root);
    expect(cache?.l2Bytes).toBe(Number.parseInt(l2, 10) * (l2.endsWith('M') ? 1024 ** 2 : 1024));
  });
});

describe('addresses and routes', () => {
  it('writes IPv6 addresses the short way and finds the network of an address', () => {
    expect(formatIpv6(ipv6Groups('FE80:0000:0000:0000:00FC:00FF:FE00:0001')!)).toBe('fe80::fc:ff:fe00:1');
    expect(formatIpv6(ipv6Groups('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(formatIpv6(ipv6Groups('::ffff:192.0.2.1')!)).toBe('::ffff:c000:201');
    expect(ipv6Groups('1::2::3')).toBeUndefined();
    expect(subnetOf('192.0.2.77/24')).toBe('192.0.2.0/24');
    expect(subnetOf('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(subnetOf('172.16.5.4/20')).toBe('172.16.0.0/20');
    expect(subnetOf('fe80::fc:ff:fe00:1/64')).toBe('fe80::/64');
    expect(subnetOf('2001:db8:abcd:12ff::1/52')).toBe('2001:db8:abcd:1000::/52');
    expect(subnetOf('300.1.1.1/8')).toBeUndefined();
  });

  it('gives each interface the networks of its addresses, once each', () => {
    const addr = (address: string, family: 'IPv4' | 'IPv6', cidr: string) =>
      ({ address, family, internal: false, mac: '52:54:00:12:34:56', netmask: '', cidr }) as os.NetworkInterfaceInfo;
    const nic = netInterface('enp3s0', { address: '52:54:00:12:34:56', type: '1', hasDevice: true, wireless: false }, [
      addr('192.0.2.10', 'IPv4', '192.0.2.10/24'), addr('192.0.2.11', 'IPv4', '192.0.2.11/24'), addr('fe80::1', 'IPv6', 'fe80::1/64'),
    ]);
    expect(nic?.subnets).toEqual(['192.0.2.0/24', 'fe80::/64']);
  });

  it('reads a link\'s duplex only when it is full or half', async () => {
    const root = sysTree('net', { 'eth1/duplex': 'full\n', 'eth1/mtu': '1500\n', 'eth1/operstate': 'up\n', 'veth0/duplex': 'unknown\n' });
    expect(await readNetLinkDetails('eth1', root)).toEqual({ duplex: 'full', mtu: 1500, status: 'up' });
    expect(await readNetLinkDetails('veth0', root)).toEqual({});
  });

  it('reads the default gateways of each interface from recorded /proc/net routing tables', () => {
    const gateways = parseIpv6DefaultRoutes(ownText('sys/proc-net-ipv6_route.txt'), parseIpv4DefaultRoutes(ownText('sys/proc-net-route.txt')));
    expect(Object.fromEntries(gateways)).toEqual({ eth0: ['192.0.2.1', 'fd00::1'] });
  });
});

describe('USB devices', () => {
  it('names a device by its product string, and its class by its first interface when the device leaves it to them', () => {
    expect(usbDevice('1-2', {
      idVendor: '046d', idProduct: 'c52b', manufacturer: 'Logitech', product: 'USB Receiver', bDeviceClass: '00', interfaceClass: '03', speed: '12',
    })).toEqual({
      name: 'USB Receiver', manufacturer: 'Logitech', vendorId: '046d', productId: 'c52b', class: 'Human Interface Device', port: '1-2', speedMbps: 12,
    });
  });

  it('lists the devices of a USB sysfs tree, not its root hubs nor the devices\' interfaces', async () => {
    const root = sysTree('usb', {
      'usb1/idVendor': '1d6b\n', 'usb1/idProduct': '0002\n', 'usb1/product': 'xHCI Host Controller\n',
      '1-1/idVendor': '05e3\n', '1-1/idProduct': '0610\n', '1-1/product': 'USB2.1 Hub\n', '1-1/bDeviceClass': '09\n', '1-1/speed': '480\n',
      '1-1.4/idVendor': '0781\n', '1-1.4/idProduct': '5581\n', '1-1.4/manufacturer': ' SanDisk\n', '1-1.4/product': 'Ultra\n',
      '1-1.4/serial': '4C530001230419116085\n', '1-1.4/bDeviceClass': '00\n', '1-1.4/speed': '480\n',
      '1-1.4/1-1.4:1.0/bInterfaceClass': '08\n', '1-1:1.0/bInterfaceClass': '09\n',
    });
    expect(await readUsbDevices(root)).toEqual([
      { name: 'USB2.1 Hub', vendorId: '05e3', productId: '0610', class: 'Hub', port: '1-1', speedMbps: 480 },
      { name: 'Ultra', manufacturer: 'SanDisk', vendorId: '0781', productId: '5581', serial: '4C530001230419116085', class: 'Mass Storage', port: '1-1.4', speedMbps: 480 },
    ]);
  });
});

describe('firmware boot mode', () => {
  it('tells UEFI with Secure Boot on or off, legacy BIOS by its SMBIOS tables, and nothing without either', async () => {
    const variable = 'efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c';
    const on = sysTree('fw-on', { [variable]: '\x06\x00\x00\x00\x01' });
    const off = sysTree('fw-off', { [variable]: '\x06\x00\x00\x00\x00' });
    expect(await readFirmwareBoot(on)).toEqual({ bootMode: 'uefi', secureBoot: true });
    expect(await readFirmwareBoot(off)).toEqual({ bootMode: 'uefi', secureBoot: false });
    expect(await readFirmwareBoot(sysTree('fw-efi', { 'efi/fw_platform_size': '64\n' }))).toEqual({ bootMode: 'uefi' });
    expect(await readFirmwareBoot(sysTree('fw-bios', { 'dmi/tables/smbios_entry_point': 'x' }))).toEqual({ bootMode: 'bios' });
    expect(await readFirmwareBoot(sysTree('fw-none', { 'acpi/pm_profile': '0\n' }))).toEqual({});
    expect(secureBootOf(new Uint8Array([6, 0, 0]))).toBeUndefined();
  });
});
