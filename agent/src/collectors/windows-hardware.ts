import type { HardwareInfo } from '@steward/shared/protocol';
import { queryWmi } from './wmi-query.js';
import { WINDOWS_HARDWARE_CLASSES } from './windows-wmi-classes.js';
import { wmiBios, wmiComputerSystem, wmiCpu, wmiDisks, wmiMemoryModules } from './wmi-hardware.js';
import { wmiNetworkInterfaces } from './wmi-network.js';
import { wmiMonitors } from './wmi-monitors.js';
import { wmiFolderVolumes, wmiLogicalDisks } from './wmi-filesystems.js';
import { wmiNumber, wmiText, type WmiObject } from './wmi-objects.js';
import { known, positive } from './placeholder-values.js';
import { collectSiHardware, type HardwareInput } from './si-hardware.js';
import { repairDeep } from './text-repair.js';
import { readWindowsFirmwareBoot } from './windows-firmware.js';

/** Windows hardware from WMI; systeminformation stands in when WMI cannot be read at all. */
export async function collectWindowsHardware(): Promise<HardwareInput> {
  const [wmi, boot] = await Promise.all([queryWmi(WINDOWS_HARDWARE_CLASSES), readWindowsFirmwareBoot()]);
  if (!wmi.get('Win32_ComputerSystem')?.length) return collectSiHardware();
  const hardware = windowsHardware(wmi);
  return { ...hardware, bios: { ...hardware.bios, ...boot } };
}

/** Assembles the hardware section from WMI instances keyed by class. */
export function windowsHardware(wmi: Map<string, WmiObject[]>): HardwareInput {
  const one = (name: string) => wmi.get(name)?.[0];
  const computer = wmiComputerSystem(one('Win32_ComputerSystem'));
  const { bios, serial } = wmiBios(one('Win32_Bios'));
  const product = one('Win32_ComputerSystemProduct');
  const board = one('Win32_BaseBoard');
  const virtualization = computer.virtualization.role === 'physical' && computer.hypervisorPresent === undefined ? undefined : computer.virtualization;
  return repairDeep({
    system: {
      ...computer.system,
      serial: serial ?? known(wmiText(product, 'IdentifyingNumber')),
      uuid: known(wmiText(product, 'UUID'))?.toLowerCase(),
      virtual: computer.virtualization.role !== 'physical',
      virtualHost: computer.virtualization.technology,
    },
    bios,
    baseboard: board && { manufacturer: known(wmiText(board, 'Manufacturer')), model: known(wmiText(board, 'Product')), serial: known(wmiText(board, 'SerialNumber')) },
    cpu: wmiCpu(wmi.get('Win32_Processor') ?? []),
    memory: { totalBytes: computer.totalBytes, modules: wmiMemoryModules(wmi.get('Win32_PhysicalMemory') ?? []) },
    disks: wmiDisks(wmi.get('Win32_DiskDrive') ?? []),
    filesystems: wmi.has('Win32_LogicalDisk') ? [...wmiLogicalDisks(wmi.get('Win32_LogicalDisk')!), ...wmiFolderVolumes(wmi.get('Win32_Volume') ?? [])] : undefined,
    networkInterfaces: wmiNetworkInterfaces(wmi.get('Win32_NetworkAdapterConfiguration') ?? [], wmi.get('Win32_NetworkAdapter') ?? []),
    gpus: (wmi.get('Win32_VideoController') ?? []).map((v) => ({
      vendor: known(wmiText(v, 'AdapterCompatibility')),
      model: known(wmiText(v, 'Name')),
      // AdapterRAM is a 32-bit value: cards with 4 GiB or more report it wrapped, so it is not trusted past that.
      vramBytes: positive(wmiNumber(v, 'AdapterRAM')),
    })),
    virtualization: virtualization ?? computer.virtualization,
    monitors: wmiMonitors(wmi.get('WmiMonitorID') ?? []),
  }) satisfies HardwareInfo | HardwareInput;
}
