import type { InventoryReportInput } from '@steward/shared/protocol';
import type { Systeminformation } from 'systeminformation';
import { known, positive } from './placeholder-values.js';
import { netmaskPrefixLength, subnetOf } from './ip-address.js';

export type HardwareInput = InventoryReportInput['hardware'];

/** Reads one systeminformation source, treating a failure as "nothing known" so one broken source cannot sink the report. */
async function read<T>(source: () => Promise<T>): Promise<T | undefined> {
  try {
    return await source();
  } catch {
    return undefined;
  }
}

/** What the systeminformation functions answered; a function that failed is absent. */
export interface SiReadings {
  system?: Systeminformation.SystemData;
  bios?: Systeminformation.BiosData;
  baseboard?: Systeminformation.BaseboardData;
  chassis?: Systeminformation.ChassisData;
  cpu?: Systeminformation.CpuData;
  mem?: Systeminformation.MemData;
  memLayout?: Systeminformation.MemLayoutData[];
  diskLayout?: Systeminformation.DiskLayoutData[];
  networkInterfaces?: Systeminformation.NetworkInterfacesData[] | Systeminformation.NetworkInterfacesData;
  networkGatewayDefault?: string;
  graphics?: Systeminformation.GraphicsData;
}

/**
 * Hardware through systeminformation, for the platforms without a collector of their own. It is
 * loaded only here: importing it costs more than the whole Linux collection.
 */
export async function collectSiHardware(): Promise<HardwareInput> {
  const { default: si } = await import('systeminformation');
  const [system, bios, baseboard, chassis, cpu, mem, memLayout, diskLayout, networkInterfaces, networkGatewayDefault, graphics] = await Promise.all([
    read(() => si.system()), read(() => si.bios()), read(() => si.baseboard()), read(() => si.chassis()),
    read(() => si.cpu()), read(() => si.mem()), read(() => si.memLayout()), read(() => si.diskLayout()),
    read(() => si.networkInterfaces()), read(() => si.networkGatewayDefault()), read(() => si.graphics()),
  ]);
  return siHardware({ system, bios, baseboard, chassis, cpu, mem, memLayout, diskLayout, networkInterfaces, networkGatewayDefault, graphics });
}

const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** Maps systeminformation's answers to the report's hardware fields, leaving placeholders out. */
export function siHardware(r: SiReadings): HardwareInput {
  const { system, bios, baseboard: board, chassis, cpu, mem } = r;
  const nicList = Array.isArray(r.networkInterfaces) ? r.networkInterfaces : r.networkInterfaces ? [r.networkInterfaces] : [];
  const cache = cpu && { l1dBytes: positive(cpu.cache.l1d), l1iBytes: positive(cpu.cache.l1i), l2Bytes: positive(cpu.cache.l2), l3Bytes: positive(cpu.cache.l3) };
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
      family: number(cpu?.family), model: number(cpu?.model), stepping: number(cpu?.stepping),
      virtualizationSupport: cpu?.virtualization,
      cache: cache && Object.values(cache).some((v) => v !== undefined) ? cache : undefined,
    },
    memory: {
      totalBytes: positive(mem?.total),
      swapBytes: mem ? mem.swaptotal : undefined,
      modules: (r.memLayout ?? []).filter((m) => m.size > 0).map((m) => ({
        slot: known(m.bank), sizeBytes: m.size, type: known(m.type), speedMHz: positive(m.clockSpeed),
        manufacturer: known(m.manufacturer), serial: known(m.serialNum), partNumber: known(m.partNum),
      })),
    },
    disks: (r.diskLayout ?? []).map((d) => ({
      name: known(d.device), model: known(d.name), serial: known(d.serialNum), sizeBytes: positive(d.size),
      type: known(d.type), interface: known(d.interfaceType), smartStatus: known(d.smartStatus),
    })),
    // Every interface: loopback and virtual ones marked, not dropped.
    networkInterfaces: nicList.map((n) => ({
      name: n.iface, mac: macOrUndefined(n.mac), ipv4: n.ip4 ? [n.ip4] : [], ipv6: n.ip6 ? [n.ip6] : [],
      speedMbps: positive(n.speed), virtual: n.internal || n.virtual, virtualKind: n.internal ? 'loopback' : n.virtual ? 'virtual' : undefined,
      type: n.internal ? 'loopback' : known(n.type),
      status: n.operstate && n.operstate !== 'unknown' ? n.operstate : n.internal ? 'up' : undefined,
      mtu: positive(n.mtu ?? undefined),
      duplex: n.duplex === 'full' || n.duplex === 'half' ? n.duplex : undefined,
      subnets: subnetsOf(n),
      gateways: n.default && known(r.networkGatewayDefault) ? [r.networkGatewayDefault!] : undefined,
    })),
    gpus: (r.graphics?.controllers ?? []).map((g) => ({
      vendor: known(g.vendor), model: known(g.model),
      vramBytes: positive(g.vram) === undefined ? undefined : g.vram! * 1024 * 1024,
    })),
  };
}

function subnetsOf(n: Systeminformation.NetworkInterfacesData): string[] | undefined {
  const subnets = [
    n.ip4 && n.ip4subnet ? subnetOf(`${n.ip4}/${netmaskPrefixLength(n.ip4subnet)}`) : undefined,
    n.ip6 && n.ip6subnet ? subnetOf(`${n.ip6}/${netmaskPrefixLength(n.ip6subnet)}`) : undefined,
  ].filter((s): s is string => s !== undefined);
  return subnets.length ? subnets : undefined;
}

function macOrUndefined(mac: string | undefined): string | undefined {
  if (!mac) return undefined;
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 && hex !== '000000000000' ? mac : undefined;
}
