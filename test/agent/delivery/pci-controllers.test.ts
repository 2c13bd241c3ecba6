import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePciIds, pciController, readPciControllers } from '../../../agent/src/collectors/pci-controllers.js';
import { parseCpuIdentification, parseSwapTotal } from '../../../agent/src/collectors/cpu-identification.js';
import { readNetLinkDetails } from '../../../agent/src/collectors/net-link-details.js';

/** A few entries in the PCI ID database's own layout (tabs, two spaces between id and name). */
const PCI_IDS = [
  '# comment line',
  '8086  Intel Corporation',
  '\t1533  I210 Gigabit Network Connection',
  '\t\t8086 0001  Ethernet Server Adapter I210-T1',
  '\t0d57  Some bridge',
  '1af4  Red Hat, Inc.',
  '\t1041  Virtio 1.0 network device',
  'C 02  Network controller',
  '\t00  Ethernet controller',
  'C 06  Bridge',
  '\t00  Host bridge',
  'C ff  Unassigned class',
  '',
].join('\n');

const all = { vendors: new Set(['8086', '1af4']), devices: new Set(['8086:1533', '1af4:1041']), classes: new Set(['02', '0200', '06', '0600', 'ff', 'ffff']) };

describe('the PCI ID database', () => {
  it('gives vendor, device and class names, and only those asked for', () => {
    const names = parsePciIds(PCI_IDS, all);
    expect(names.vendors).toEqual(new Map([['8086', 'Intel Corporation'], ['1af4', 'Red Hat, Inc.']]));
    expect(names.devices).toEqual(new Map([['8086:1533', 'I210 Gigabit Network Connection'], ['1af4:1041', 'Virtio 1.0 network device']]));
    expect(names.classes.get('0200')).toBe('Ethernet controller');
    expect(names.classes.get('ff')).toBe('Unassigned class');
    expect(parsePciIds(PCI_IDS, { vendors: new Set(['1af4']), devices: new Set(), classes: new Set() }).vendors.size).toBe(1);
  });

  it('makes a controller of sysfs ids, falling back on the ids and the class when a name is not known', () => {
    const names = parsePciIds(PCI_IDS, { ...all, devices: new Set(['8086:1533']) });
    expect(pciController('0000:03:00.0', {
      vendor: '0x8086', device: '0x1533', class: '0x020000', subsystem_vendor: '0x8086', subsystem_device: '0x0001', revision: '0x03', driver: 'igb',
    }, names)).toEqual({
      name: 'I210 Gigabit Network Connection', manufacturer: 'Intel Corporation', type: 'Ethernet controller', pciClass: '0200',
      slot: '0000:03:00.0', vendorId: '8086', productId: '1533', subsystemId: '8086:0001', revision: '03', driver: 'igb',
    });
    expect(pciController('0000:00:00.0', { vendor: '0x8086', device: '0x0d58', class: '0x060000', subsystem_vendor: '0x0000', subsystem_device: '0x0000' }, names))
      .toMatchObject({ name: 'Host bridge', type: 'Host bridge', subsystemId: undefined });
    expect(pciController('0000:00:07.0', { vendor: '0x8086', device: '0x0d59', class: '0x0d4200' }, names)).toMatchObject({ name: 'PCI device 8086:0d59' });
  });
});

describe('PCI controllers from sysfs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-pci-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each function and its driver', async () => {
    const root = path.join(dir, 'devices');
    const slot = path.join(root, '0000:00:03.0');
    mkdirSync(slot, { recursive: true });
    mkdirSync(path.join(dir, 'drivers', 'virtio-pci'), { recursive: true });
    for (const [file, value] of Object.entries({ vendor: '0x1af4', device: '0x1041', class: '0x020000', subsystem_vendor: '0x1af4', subsystem_device: '0x1100', revision: '0x01' })) {
      writeFileSync(path.join(slot, file), `${value}\n`);
    }
    symlinkSync(path.join(dir, 'drivers', 'virtio-pci'), path.join(slot, 'driver'));
    const ids = path.join(dir, 'pci.ids');
    writeFileSync(ids, PCI_IDS);
    expect(await readPciControllers(root, [path.join(dir, 'missing.ids'), ids])).toEqual([{
      name: 'Virtio 1.0 network device', manufacturer: 'Red Hat, Inc.', type: 'Ethernet controller', pciClass: '0200', slot: '0000:00:03.0',
      vendorId: '1af4', productId: '1041', subsystemId: '1af4:1100', revision: '01', driver: 'virtio-pci',
    }]);
  });

  const lspci = spawnSync('lspci', ['-n'], { encoding: 'utf8' });
  if (lspci.status !== 0 && process.platform === 'linux') {
    if (process.env.CI === 'true') throw new Error('lspci (Debian package pciutils) is needed to check the PCI controllers');
    console.warn('lspci not found (Debian package pciutils): PCI controllers are not compared with it');
  }
  it.skipIf(process.platform !== 'linux' || lspci.status !== 0)('finds the devices lspci lists on this machine, with the same ids', async () => {
    // "00:03.0 0200: 1af4:1041 (rev 01)"
    const expected = lspci.stdout.trim().split('\n').filter(Boolean).map((line) => {
      const [slot, klass, ids] = line.split(/\s+/);
      return { slot: slot!.includes(':') && slot!.split(':').length === 2 ? `0000:${slot}` : slot, pciClass: klass!.replace(/:$/, ''), ids };
    });
    const found = await readPciControllers();
    expect(found.map((c) => ({ slot: c.slot, pciClass: c.pciClass, ids: `${c.vendorId}:${c.productId}` }))).toEqual(expected);
  });
});

describe('processor identification, swap and link details', () => {
  it('reads family, model and stepping of an x86 processor, and nothing of an ARM one', () => {
    const x86 = 'processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\nmodel name\t: AMD EPYC\nstepping\t: 1\n\nprocessor\t: 1\ncpu family\t: 99\n';
    expect(parseCpuIdentification(x86)).toEqual({ family: 25, model: 1, stepping: 1 });
    expect(parseCpuIdentification('processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n')).toEqual({});
  });

  it('reads the swap size', () => {
    expect(parseSwapTotal('MemTotal:       16318480 kB\nSwapTotal:       2097148 kB\n')).toBe(2097148 * 1024);
    expect(parseSwapTotal('MemTotal: 1 kB\n')).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('reads this machine\'s interfaces\' state and MTU as ip(8) shows them', async () => {
    const ip = spawnSync('ip', ['-o', 'link'], { encoding: 'utf8' });
    if (ip.status !== 0) {
      if (process.env.CI === 'true') throw new Error('ip (Debian package iproute2) is needed to check the interfaces\' MTU');
      console.warn('ip not found (Debian package iproute2): interfaces\' MTU not compared with it');
      return;
    }
    for (const line of ip.stdout.trim().split('\n')) {
      const match = /^\d+: ([^:@]+)[^:]*: <[^>]*> mtu (\d+)/.exec(line);
      if (!match) continue;
      expect((await readNetLinkDetails(match[1]!)).mtu).toBe(Number(match[2]));
    }
  });
});
