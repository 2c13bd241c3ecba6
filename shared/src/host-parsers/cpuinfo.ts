import type { HardwareInfo } from '../protocol.js';
import { known, positive } from './placeholder-values.js';

const VENDORS: Record<string, string> = { GenuineIntel: 'Intel', AuthenticAMD: 'AMD', HygonGenuine: 'Hygon', CentaurHauls: 'Centaur' };

/** ARM cores name their designer by a code in "CPU implementer". */
const ARM_IMPLEMENTERS: Record<string, string> = { '0x41': 'ARM', '0x42': 'Broadcom', '0x43': 'Cavium', '0x46': 'Fujitsu', '0x48': 'HiSilicon', '0x4e': 'NVIDIA', '0x51': 'Qualcomm', '0x61': 'Apple', '0xc0': 'Ampere' };

export interface CpuinfoSummary {
  cpu: Partial<HardwareInfo['cpu']>;
  /** The "hypervisor" flag: the kernel runs under a hypervisor. */
  hypervisor: boolean;
}

/**
 * Reads /proc/cpuinfo: one block a logical processor. Sockets are the distinct physical ids, cores
 * the distinct (physical id, core id) pairs, threads the blocks. The speed is the one in the model
 * name when it states one (the nominal speed), else the current MHz of the first processor.
 */
export function parseCpuinfo(text: string): CpuinfoSummary {
  const blocks = text.split(/\n\s*\n/).map(blockFields).filter((b) => b.has('processor'));
  const head = blocks[0] ?? new Map<string, string>();
  const brand = known(head.get('model name') ?? head.get('Model') ?? head.get('cpu model'));
  const sockets = new Set(blocks.map((b) => b.get('physical id')).filter((id) => id !== undefined));
  const cores = new Set(blocks.filter((b) => b.has('core id')).map((b) => `${b.get('physical id')}/${b.get('core id')}`));
  const nominal = /@\s*([\d.]+)\s*GHz/i.exec(brand ?? '')?.[1];
  const mhz = Number(head.get('cpu MHz'));
  const vendor = head.get('vendor_id');
  return {
    cpu: {
      manufacturer: vendor ? VENDORS[vendor] ?? known(vendor) : ARM_IMPLEMENTERS[head.get('CPU implementer')?.toLowerCase() ?? ''],
      brand,
      sockets: positive(sockets.size) ?? (blocks.length ? 1 : undefined),
      cores: positive(cores.size) ?? positive(blocks.length),
      threads: positive(blocks.length),
      speedGHz: nominal ? Number(nominal) : positive(mhz) && Math.round(mhz) / 1000,
    },
    hypervisor: /\bhypervisor\b/.test(head.get('flags') ?? ''),
  };
}

function blockFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return fields;
}

/** /proc/meminfo's MemTotal, in bytes. */
export function parseMemTotal(meminfo: string): number | undefined {
  const kb = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfo)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}
