// The Linux collectors read /proc and /sys themselves instead of going through systeminformation;
// on this machine they must still report every hardware fact systeminformation can read here.
import si from 'systeminformation';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectLinuxHardware } from '../../agent/src/collectors/linux-hardware.js';
import { known } from '../../agent/src/collectors/placeholder-values.js';
import { netmaskPrefixLength, subnetOf } from '../../agent/src/collectors/ip-address.js';
import type { HardwareInput } from '../../agent/src/collectors/si-hardware.js';

describe.skipIf(process.platform !== 'linux')('Linux hardware beside systeminformation on this machine', () => {
  let ours: HardwareInput;
  beforeAll(async () => {
    ours = await collectLinuxHardware();
  });

  it('has the processor systeminformation reads: maker, cores, threads, identification and caches', async () => {
    const cpu = await si.cpu();
    if (known(cpu.manufacturer)) expect(ours.cpu?.manufacturer).toBe(cpu.manufacturer);
    expect(ours.cpu?.threads).toBe(cpu.cores);
    expect(ours.cpu?.cores).toBe(cpu.physicalCores);
    for (const field of ['family', 'model', 'stepping'] as const) {
      if (/^\d+$/.test(cpu[field])) expect(ours.cpu?.[field]).toBe(Number(cpu[field]));
    }
    if (cpu.flags) expect(ours.cpu?.virtualizationSupport).toBe(/\b(vmx|svm)\b/.test(cpu.flags));
    for (const level of ['l1d', 'l1i', 'l2', 'l3'] as const) {
      if (cpu.cache[level]) expect(ours.cpu?.cache?.[`${level}Bytes`]).toBeGreaterThan(0);
    }
  });

  it('has the memory and swap sizes', async () => {
    const mem = await si.mem();
    expect(ours.memory?.totalBytes).toBe(mem.total);
    expect(ours.memory?.swapBytes ?? 0).toBe(mem.swaptotal);
  });

  it('has each addressed interface with its MAC, addresses, subnets, MTU and state, and the default gateway', async () => {
    const [interfaces, gateway] = await Promise.all([si.networkInterfaces(), si.networkGatewayDefault()]);
    const list = Array.isArray(interfaces) ? interfaces : [interfaces];
    const real = list.filter((nic) => !nic.internal && (nic.ip4 || nic.ip6));
    expect(real.length).toBeGreaterThan(0);
    for (const nic of real) {
      const mine = ours.networkInterfaces?.find((n) => n.name === nic.iface);
      expect(mine, nic.iface).toBeDefined();
      if (known(nic.mac)) expect(mine!.mac).toBe(nic.mac);
      if (nic.ip4) expect(mine!.ipv4).toContain(nic.ip4);
      if (nic.ip4 && nic.ip4subnet) expect(mine!.subnets).toContain(subnetOf(`${nic.ip4}/${netmaskPrefixLength(nic.ip4subnet)}`));
      if (nic.ip6) expect(mine!.ipv6).toContain(nic.ip6);
      if (nic.mtu) expect(mine!.mtu).toBe(nic.mtu);
      if (nic.operstate && nic.operstate !== 'unknown') expect(mine!.status).toBe(nic.operstate);
    }
    if (gateway) expect(ours.networkInterfaces?.flatMap((n) => n.gateways ?? [])).toContain(gateway);
  });

  it('has the disks, the system identifiers, the firmware and the batteries systeminformation finds', async () => {
    const [disks, system, bios, battery, usb] = await Promise.all([si.diskLayout(), si.system(), si.bios(), si.battery(), si.usb()]);
    for (const disk of disks) {
      const mine = ours.disks?.find((d) => disk.device.endsWith(`/${d.name}`));
      expect(mine, disk.device).toBeDefined();
      if (known(disk.serialNum)) expect(mine!.serial).toBe(disk.serialNum);
    }
    if (known(system.uuid)) expect(ours.system?.uuid).toBe(system.uuid.toLowerCase());
    if (known(system.serial)) expect(ours.system?.serial).toBe(system.serial);
    if (known(bios.vendor)) expect(ours.bios?.vendor).toBe(bios.vendor);
    if (known(bios.version)) expect(ours.bios?.version).toBe(bios.version);
    expect((ours.batteries ?? []).length > 0).toBe(battery.hasBattery);
    expect((ours.usbDevices ?? []).length).toBeGreaterThanOrEqual(usb.filter((device) => !/root hub|host controller/i.test(device.name ?? '')).length);
  });
});
