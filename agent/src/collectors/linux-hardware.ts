import os from 'node:os';
import { readSysText } from './read-sys.js';
import { parseCpuinfo, parseMemTotal } from './cpuinfo.js';
import { readSysfsDmi } from './sysfs-dmi.js';
import { collectDmidecode, type DmiHardware } from './dmidecode.js';
import { readBlockDevices } from './block-devices.js';
import { readNetInterfaces } from './net-interfaces.js';
import { readLinuxFilesystems } from './linux-filesystems.js';
import { archName } from './cpu-arch.js';
import { readGlibcIsaLevel } from './glibc-hwcaps.js';
import { readNetLinkDetails } from './net-link-details.js';
import { readPciControllers } from './pci-controllers.js';
import { readUsbDevices } from './usb-devices.js';
import { readCpuCache } from './cpu-cache.js';
import { readDefaultGateways } from './net-routes.js';
import { readFirmwareBoot } from './firmware-boot.js';
import { parseCpuIdentification, parseSwapTotal } from './cpu-identification.js';
import { displayControllers } from './pci-display.js';
import { readBatteries } from './power-supply.js';
import { readDrmMonitors } from './edid.js';
import { detectLinuxVirtualization } from './virtualization.js';
import { repairDeep } from './text-repair.js';
import type { HardwareInput } from './si-hardware.js';

/**
 * Linux hardware read straight from /proc and /sys, which the kernel has already parsed: no helper
 * processes except dmidecode (as root, for memory modules and sockets) and the virtualisation probe.
 */
export async function collectLinuxHardware(): Promise<HardwareInput> {
  const [cpuinfo, meminfo, sysDmi, dmidecode, disks, nics, batteries, monitors, controllers, usbDevices, cache, gateways, boot, filesystems, loaderIsaLevel] = await Promise.all([
    readSysText('/proc/cpuinfo'), readSysText('/proc/meminfo'), readSysfsDmi(), collectDmidecode().catch(() => undefined),
    readBlockDevices(), readNetInterfaces(), readBatteries(), readDrmMonitors(), readPciControllers(),
    readUsbDevices(), readCpuCache(), readDefaultGateways(), readFirmwareBoot(), readLinuxFilesystems(), readGlibcIsaLevel(),
  ]);
  const links = await Promise.all(nics.map((nic) => readNetLinkDetails(nic.name)));
  const cpu = parseCpuinfo(cpuinfo ?? '');
  const identification = parseCpuIdentification(cpuinfo ?? '');
  const system = { ...sysDmi.system, ...dmidecode?.system };
  const virtualization = await detectLinuxVirtualization({
    cpuHypervisorFlag: cpu.hypervisor, manufacturer: system.manufacturer, model: system.model,
  });
  return repairDeep({
    system: { ...system, virtual: virtualization.role !== 'physical', virtualHost: virtualization.technology },
    bios: { ...sysDmi.bios, ...dmidecode?.bios, ...boot },
    baseboard: nonEmpty({ ...sysDmi.baseboard, ...dmidecode?.baseboard }),
    chassis: nonEmpty({ ...sysDmi.chassis, ...dmidecode?.chassis }),
    cpu: {
      ...mergeCpu(cpu.cpu, dmidecode), ...identification,
      arch: identification.arch ?? archName(os.machine()),
      // The kernel's flags fall short where a hypervisor hides one: the loader's own check wins.
      isaLevel: loaderIsaLevel ?? identification.isaLevel,
      cache,
    },
    memory: { totalBytes: parseMemTotal(meminfo ?? ''), swapBytes: parseSwapTotal(meminfo ?? ''), modules: dmidecode?.memoryModules ?? [] },
    disks,
    filesystems,
    networkInterfaces: nics.map((nic, i) => ({ ...nic, ...links[i], gateways: gateways.get(nic.name) })),
    gpus: displayControllers(controllers),
    controllers,
    usbDevices,
    virtualization,
    batteries,
    monitors,
  });
}

/** The kernel's counts hold for what runs; the firmware's name the sockets when the kernel does not (ARM). */
function mergeCpu(kernel: HardwareInput['cpu'], dmi: DmiHardware | undefined): HardwareInput['cpu'] {
  return {
    ...dmi?.cpu,
    ...Object.fromEntries(Object.entries(kernel ?? {}).filter(([, v]) => v !== undefined)),
    sockets: dmi?.cpu.sockets ?? kernel?.sockets,
  };
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length ? value : undefined;
}
