import type { InventoryReportInput } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';

export type HardwareInput = InventoryReportInput['hardware'];

/** Reads one systeminformation source, treating a failure as "nothing known" so one broken source cannot sink the report. */
async function read<T>(source: () => Promise<T>): Promise<T | undefined> {
  try {
    return await source();
  } catch {
    return undefined;
  }
}

/**
 * Hardware through systeminformation, for the platforms without a collector of their own. It is
 * loaded only here: importing it costs more than the whole Linux collection.
 */
export async function collectSiHardware(): Promise<HardwareInput> {
  const { default: si } = await import('systeminformation');
  const [system, bios, board, chassis, cpu, mem, layout, disks, nics, graphics] = await Promise.all([
    read(() => si.system()), read(() => si.bios()), read(() => si.baseboard()), read(() => si.chassis()),
    read(() => si.cpu()), read(() => si.mem()), read(() => si.memLayout()), read(() => si.diskLayout()),
    read(() => si.networkInterfaces()), read(() => si.graphics()),
  ]);
  const nicList = Array.isArray(nics) ? nics : nics ? [nics] : [];
  return {
    system: {
      manufacturer: known(system?.manufacturer), model: known(system?.model), serial: known(system?.serial),
      uuid: known(system?.uuid), sku: known(system?.sku), virtual: system?.virtual, virtualHost: known(system?.virtualHost),
    },
    bios: { vendor: known(bios?.vendor), version: known(bios?.version), releaseDate: known(bios?.releaseDate) },
    baseboard: board && { manufacturer: known(board.manufacturer), model: known(board.model), serial: known(board.serial) },
    chassis: chassis && { type: known(chassis.type), manufacturer: known(chassis.manufacturer), serial: known(chassis.serial) },
    cpu: {
      manufacturer: known(cpu?.manufacturer), brand: known(cpu?.brand), sockets: positive(cpu?.processors),
      cores: positive(cpu?.physicalCores), threads: positive(cpu?.cores), speedGHz: positive(cpu?.speed),
    },
    memory: {
      totalBytes: positive(mem?.total),
      modules: (layout ?? []).filter((m) => m.size > 0).map((m) => ({
        slot: known(m.bank), sizeBytes: m.size, type: known(m.type), speedMHz: positive(m.clockSpeed),
        manufacturer: known(m.manufacturer), serial: known(m.serialNum), partNumber: known(m.partNum),
      })),
    },
    disks: (disks ?? []).map((d) => ({
      name: known(d.device), model: known(d.name), serial: known(d.serialNum), sizeBytes: positive(d.size),
      type: known(d.type), interface: known(d.interfaceType), smartStatus: known(d.smartStatus),
    })),
    networkInterfaces: nicList.filter((n) => !n.internal).map((n) => ({
      name: n.iface, mac: macOrUndefined(n.mac), ipv4: n.ip4 ? [n.ip4] : [], ipv6: n.ip6 ? [n.ip6] : [],
      speedMbps: positive(n.speed), virtual: n.virtual, type: known(n.type),
    })),
    gpus: (graphics?.controllers ?? []).map((g) => ({
      vendor: known(g.vendor), model: known(g.model),
      vramBytes: positive(g.vram) === undefined ? undefined : g.vram! * 1024 * 1024,
    })),
  };
}

function macOrUndefined(mac: string | undefined): string | undefined {
  if (!mac) return undefined;
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 && hex !== '000000000000' ? mac : undefined;
}
