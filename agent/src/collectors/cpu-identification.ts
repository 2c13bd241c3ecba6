import type { HardwareInfo } from '@steward/shared/protocol';

const number = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);

/** The first processor's x86 family, model and stepping from /proc/cpuinfo; absent on other architectures. */
export function parseCpuIdentification(cpuinfo: string): Pick<HardwareInfo['cpu'], 'family' | 'model' | 'stepping'> {
  const head = cpuinfo.split(/\n\s*\n/)[0] ?? '';
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(head)?.[1];
  const identification = { family: number(field('cpu family')), model: number(field('model')), stepping: number(field('stepping')) };
  return Object.fromEntries(Object.entries(identification).filter(([, v]) => v !== undefined));
}

/** /proc/meminfo's SwapTotal, in bytes. */
export function parseSwapTotal(meminfo: string): number | undefined {
  const kb = /^SwapTotal:\s+(\d+)\s*kB/m.exec(meminfo)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}
