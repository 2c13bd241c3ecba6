import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCpuinfo, parseMemTotal } from '../../agent/src/collectors/cpuinfo.js';
import { sysfsDmiHardware, chassisTypeName } from '../../agent/src/collectors/sysfs-dmi.js';
import { blockDeviceDisk, readBlockDevices } from '../../agent/src/collectors/block-devices.js';
import { netInterface, readNetInterfaces, virtualKindOf, type SysNet } from '../../agent/src/collectors/net-interfaces.js';
import { readNetLinkDetails } from '../../agent/src/collectors/net-link-details.js';
import { powerSupplyBattery } from '../../agent/src/collectors/power-supply.js';
import { parseEdid } from '../../agent/src/collectors/edid.js';
import { classifyVirtualization } from '../../agent/src/collectors/virtualization.js';
import { displayControllers } from '../../agent/src/collectors/pci-display.js';
import { parsePciIds, pciController } from '../../agent/src/collectors/pci-controllers.js';
import { own, ownText } from './fixture-files.js';

const onLinux = process.platform === 'linux';

describe('parseCpuinfo', () => {
  it('counts sockets, cores and threads of a two-socket machine with hyper-threading', () => {
    const { cpu, hypervisor } = parseCpuinfo(ownText('sys/cpuinfo-xeon-2s.txt'));
    expect(cpu).toEqual({ manufacturer: 'Intel', brand: 'Intel(R) Xeon(R) Silver 4110 CPU @ 2.10GHz', sockets: 2, cores: 4, threads: 8, speedGHz: 2.1 });
    expect(hypervisor).toBe(false);
  });

  it('names an ARM core by its implementer when there is no model name', () => {
    expect(parseCpuinfo(ownText('sys/cpuinfo-arm64.txt')).cpu).toEqual({ manufacturer: 'ARM', sockets: 1, cores: 2, threads: 2 });
  });

  it.skipIf(!onLinux)('counts as many threads as Node sees on this machine, and its memory', () => {
    expect(parseCpuinfo(readFileSync('/proc/cpuinfo', 'utf8')).cpu.threads).toBe(os.cpus().length);
    expect(parseMemTotal(readFileSync('/proc/meminfo', 'utf8'))).toBe(os.totalmem());
  });
});

describe('sysfsDmiHardware', () => {
  it('maps the kernel DMI files, the chassis code to its name, and drops placeholders', () => {
    const hw = sysfsDmiHardware({
      sys_vendor: 'LENOVO', product_name: '20TBS57S00', product_serial: 'PF2ABCDE', product_uuid: '4C4C4544-0052-4A10-8046-B2C04F313533',
      product_sku: 'LENOVO_MT_20TB_BU_Think_FM_ThinkPad E14 Gen 2', bios_vendor: 'LENOVO', bios_version: 'R1AET40W (1.16 )',
      bios_date: '03/10/2021', board_vendor: 'LENOVO', board_name: '20TBS57S00', board_serial: 'To be filled by O.E.M.',
      chassis_type: '10', chassis_vendor: 'LENOVO', chassis_serial: '0000000000',
    });
    expect(hw.system).toEqual({
      manufacturer: 'LENOVO', model: '20TBS57S00', serial: 'PF2ABCDE', uuid: '4c4c4544-0052-4a10-8046-b2c04f313533',
      sku: 'LENOVO_MT_20TB_BU_Think_FM_ThinkPad E14 Gen 2',
    });
    expect(hw.bios).toEqual({ vendor: 'LENOVO', version: 'R1AET40W (1.16 )', releaseDate: '2021-03-10' });
    expect(hw.baseboard).toEqual({ manufacturer: 'LENOVO', model: '20TBS57S00' });
    expect(hw.chassis).toEqual({ type: 'Notebook', manufacturer: 'LENOVO' });
    expect(chassisTypeName('23')).toBe('Rack Mount Chassis');
  });
});

describe('block devices', () => {
  it('describes NVMe, SATA and virtio disks from their sysfs files', () => {
    expect(blockDeviceDisk('nvme0n1', { size: '1000215216', model: 'Samsung SSD 980 PRO 1TB', serial: 'S5GXNX0T123456', rotational: '0', devicePath: '../devices/pci0000:00/0000:00:01.1/0000:01:00.0/nvme/nvme0/nvme0n1' }))
      .toEqual({ name: 'nvme0n1', model: 'Samsung SSD 980 PRO 1TB', serial: 'S5GXNX0T123456', sizeBytes: 1000215216 * 512, type: 'NVMe', interface: 'PCIe' });
    expect(blockDeviceDisk('sda', { size: '7814037168', vendor: 'ATA     ', model: 'WDC WD40EFRX-68N', rotational: '1', devicePath: '../devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda' }))
      .toMatchObject({ model: 'ATA WDC WD40EFRX-68N', type: 'HD', interface: 'SATA' });
    expect(blockDeviceDisk('vda', { size: '2048', vendor: '0x1af4', rotational: '1', devicePath: '../devices/pci0000:00/0000:00:02.0/virtio1/block/vda' }))
      .toEqual({ name: 'vda', sizeBytes: 1024 * 1024, type: 'HD', interface: 'Virtio' });
  });

  it.skipIf(!onLinux || !hasProgram('lsblk'))('lists the same disks and sizes as lsblk on this machine', async () => {
    const lsblk = execFileSync('lsblk', ['-d', '-b', '-n', '-o', 'NAME,SIZE,TYPE'], { encoding: 'utf8' }).trim().split('\n')
      .map((line) => line.trim().split(/\s+/)).filter(([name, , type]) => type === 'disk' && !/^(loop|zram|ram|md|dm-|nbd)/.test(name!))
      .map(([name, size]) => ({ name, sizeBytes: Number(size) })).filter((d) => d.sizeBytes > 0);
    const disks = (await readBlockDevices()).map((d) => ({ name: d.name, sizeBytes: d.sizeBytes }));
    expect(disks.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual(lsblk.sort((a, b) => a.name!.localeCompare(b.name!)));
  });
});

describe('network interfaces', () => {
  it('keeps every interface: real devices as they are, loopback, bridges, veths and idle virtual ones marked with their kind', () => {
    const addr = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
      ({ address, family, internal, mac: '52:54:00:12:34:56', netmask: '', cidr: null }) as os.NetworkInterfaceInfo;
    expect(netInterface('enp3s0', { address: '52:54:00:12:34:56', speed: '1000', type: '1', hasDevice: true, wireless: false }, [addr('192.0.2.10', 'IPv4'), addr('fe80::1', 'IPv6')]))
      .toEqual({ name: 'enp3s0', mac: '52:54:00:12:34:56', ipv4: ['192.0.2.10'], ipv6: ['fe80::1'], speedMbps: 1000, virtual: false, type: 'wired' });
    expect(netInterface('wlp2s0', { address: 'a4:c3:f0:00:00:01', speed: '-1', type: '1', hasDevice: true, wireless: true }))
      .toMatchObject({ type: 'wireless', speedMbps: undefined, ipv4: [], virtual: false });
    expect(netInterface('lo', { address: '00:00:00:00:00:00', type: '772', hasDevice: false, wireless: false }, [addr('127.0.0.1', 'IPv4', true)]))
      .toMatchObject({ name: 'lo', mac: undefined, ipv4: ['127.0.0.1'], virtual: true, virtualKind: 'loopback', type: 'loopback' });
    expect(netInterface('ifb0', { address: 'd6:1f:00:aa:bb:cc', type: '1', hasDevice: false, wireless: false }))
      .toMatchObject({ virtual: true, virtualKind: 'ifb', type: undefined });
    const kind = (name: string, sys: Partial<SysNet> = {}) => virtualKindOf(name, { type: '1', hasDevice: false, wireless: false, ...sys });
    expect([kind('docker0', { devType: 'bridge' }), kind('br-3f2a9c1d0e4b', { devType: 'bridge' }), kind('virbr0', { devType: 'bridge' }),
      kind('vethb1c2d3e'), kind('tun0', { type: '65534' }), kind('wg0', { type: '65534', devType: 'wireguard' }), kind('bond0', { devType: 'bond' }),
      kind('eth0.100', { devType: 'vlan' }), kind('br0', { devType: 'bridge' }), kind('enp3s0', { hasDevice: true })])
      .toEqual(['docker', 'docker', 'bridge', 'veth', 'tun', 'tun', 'bond', 'vlan', 'bridge', undefined]);
  });

  it.skipIf(!onLinux || !hasProgram('ip'))('lists every interface of this machine, each with the state and virtual mark ip gives it', async () => {
    const links = JSON.parse(execFileSync('ip', ['-j', '-d', 'link', 'show'], { encoding: 'utf8' })) as Array<{ ifname: string; operstate: string; flags: string[]; link_type: string }>;
    const nics = await readNetInterfaces();
    expect(nics.map((n) => n.name).sort()).toEqual(links.map((l) => l.ifname).sort());
    for (const link of links) {
      const nic = nics.find((n) => n.name === link.ifname)!;
      const up = link.operstate === 'UNKNOWN' ? link.flags.includes('UP') : link.operstate === 'UP';
      const details = await readNetLinkDetails(link.ifname);
      expect(details.status === 'up', link.ifname).toBe(up);
      if (link.link_type === 'loopback') expect(nic).toMatchObject({ virtual: true, virtualKind: 'loopback' });
      expect(nic.virtual, link.ifname).toBe(!existsSync(`/sys/class/net/${link.ifname}/device`) || link.link_type === 'loopback');
    }
  });

  it.skipIf(!onLinux)('lists every addressed non-loopback interface Node sees on this machine', async () => {
    const expected = Object.entries(os.networkInterfaces()).filter(([, list]) => list?.some((a) => !a.internal)).map(([name]) => name).sort();
    const nics = await readNetInterfaces();
    expect(nics.map((n) => n.name).filter((name) => expected.includes(name)).sort()).toEqual(expected);
  });
});

describe('powerSupplyBattery', () => {
  it('reads energy in µWh, or charge in µAh times the design voltage, and skips device batteries', () => {
    expect(powerSupplyBattery('BAT0', {
      type: 'Battery', manufacturer: 'SMP', model_name: '5B10W13930', serial_number: '1234', technology: 'Li-poly',
      energy_full_design: '57000000', energy_full: '51300000', cycle_count: '112', status: 'Discharging',
    })).toEqual({
      name: 'BAT0', manufacturer: 'SMP', model: '5B10W13930', serial: '1234', chemistry: 'Li-poly',
      designCapacityWh: 57, fullChargeCapacityWh: 51.3, cycleCount: 112, status: 'Discharging',
    });
    expect(powerSupplyBattery('BAT1', { type: 'Battery', charge_full_design: '4000000', charge_full: '3500000', voltage_min_design: '11100000', cycle_count: '0' }))
      .toMatchObject({ designCapacityWh: 44.4, fullChargeCapacityWh: 38.85, cycleCount: 0 });
    expect(powerSupplyBattery('hidpp_battery_0', { type: 'Battery', scope: 'Device' })).toBeUndefined();
    expect(powerSupplyBattery('AC', { type: 'Mains' })).toBeUndefined();
  });
});

describe('parseEdid', () => {
  it('reads a desktop monitor: maker id, name and serial descriptors, year and size', () => {
    expect(parseEdid(own('edid/dell-u2419h.bin'), 'DP-1')).toEqual({
      manufacturer: 'DEL', model: 'DELL U2419H', serial: 'H7YCC93SAL1L', manufactureYear: 2019, widthMm: 530, heightMm: 300, connector: 'DP-1',
    });
  });

  it('reads a laptop panel named by its part number, with a model year and no serial', () => {
    expect(parseEdid(own('edid/boe-panel.bin'))).toMatchObject({ manufacturer: 'BOE', model: 'NV140FHM-N49', serial: undefined, manufactureYear: 2020, widthMm: 310 });
  });

  it('refuses a block whose checksum does not add up', () => {
    const broken = Buffer.from(own('edid/dell-u2419h.bin'));
    broken[100] = broken[100]! ^ 0xff;
    expect(parseEdid(broken)).toBeUndefined();
  });
});

describe('classifyVirtualization', () => {
  it('trusts a container first, then a hypervisor, then firmware strings', () => {
    expect(classifyVirtualization({ container: 'lxc', vm: 'kvm' })).toEqual({ role: 'container', technology: 'lxc' });
    expect(classifyVirtualization({ initCgroup: '0::/system.slice/docker-4f1c.scope' })).toEqual({ role: 'container', technology: 'docker' });
    expect(classifyVirtualization({ vm: 'microsoft' })).toEqual({ role: 'vm', technology: 'microsoft' });
    expect(classifyVirtualization({ manufacturer: 'VMware, Inc.', model: 'VMware Virtual Platform' })).toEqual({ role: 'vm', technology: 'vmware' });
    expect(classifyVirtualization({ manufacturer: 'Microsoft Corporation', model: 'Virtual Machine' })).toEqual({ role: 'vm', technology: 'microsoft' });
    expect(classifyVirtualization({ cpuHypervisorFlag: true })).toEqual({ role: 'vm' });
    expect(classifyVirtualization({ manufacturer: 'Dell Inc.', model: 'PowerEdge R640' })).toEqual({ role: 'physical' });
  });

  it.skipIf(!hasProgram('systemd-detect-virt'))('agrees with systemd-detect-virt on this machine', async () => {
    const { detectLinuxVirtualization } = await import('../../agent/src/collectors/virtualization.js');
    const found = await detectLinuxVirtualization({});
    const answer = (flag: string) => { try { return execFileSync('systemd-detect-virt', [flag], { encoding: 'utf8' }).trim(); } catch { return 'none'; } };
    const container = answer('--container');
    const vm = answer('--vm');
    if (container !== 'none') expect(found).toEqual({ role: 'container', technology: container });
    else if (vm !== 'none') expect(found).toEqual({ role: 'vm', technology: vm });
    else expect(found.role).not.toBe('container');
  });
});

describe('display controllers', () => {
  // Lines of the PCI ID database (pciutils 2023), and a laptop's PCI functions as sysfs gives them.
  const ids = [
    '10de  NVIDIA Corporation', '\t25a2  GA107M [GeForce RTX 3050 Mobile]',
    '8086  Intel Corporation', '\t9a49  TigerLake-LP GT2 [Iris Xe Graphics]', '\ta0ed  Tiger Lake-LP USB 3.2 Gen 2x1 xHCI Host Controller',
    'C 03  Display controller', '\t00  VGA compatible controller', '\t02  3D controller', 'C 0c  Serial bus controller', '\t03  USB controller',
  ].join('\n');
  const functions = [
    { slot: '0000:00:02.0', sys: { vendor: '0x8086', device: '0x9a49', class: '0x030000' } },
    { slot: '0000:00:14.0', sys: { vendor: '0x8086', device: '0xa0ed', class: '0x0c0330' } },
    { slot: '0000:01:00.0', sys: { vendor: '0x10de', device: '0x25a2', class: '0x030200' } },
  ];

  it('are the PCI class 03 controllers, named from the PCI ID database, or by vendor without it', () => {
    const wanted = { vendors: new Set(['8086', '10de']), devices: new Set(['8086:9a49', '8086:a0ed', '10de:25a2']), classes: new Set(['03', '0300', '0302', '0c', '0c03']) };
    const named = functions.map((f) => pciController(f.slot, f.sys, parsePciIds(ids, wanted)));
    expect(displayControllers(named)).toEqual([
      { vendor: 'Intel Corporation', model: 'TigerLake-LP GT2 [Iris Xe Graphics]' },
      { vendor: 'NVIDIA Corporation', model: 'GA107M [GeForce RTX 3050 Mobile]' },
    ]);
    const unnamed = functions.map((f) => pciController(f.slot, f.sys, parsePciIds('', wanted)));
    expect(displayControllers(unnamed)).toEqual([
      { vendor: 'Intel Corporation', model: 'PCI device 8086:9a49' },
      { vendor: 'NVIDIA Corporation', model: 'PCI device 10de:25a2' },
    ]);
  });
});

function hasProgram(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${name}`));
}
