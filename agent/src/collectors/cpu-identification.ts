import type { HardwareInfo } from '@steward/shared/protocol';

const number = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);

type CpuIdentification = Pick<HardwareInfo['cpu'], 'arch' | 'family' | 'model' | 'stepping' | 'microcode' | 'isaLevel' | 'virtualizationSupport'>;

/**
 * What the processor can run, which a 32-bit system on it does not change: x86 processors with long
 * mode (lm) run x86_64; ARM cores state their architecture version (8 and above run arm64).
 */
function cpuArch(flags: string | undefined, armVersion: string | undefined): string | undefined {
  // Only x86 kernels write a "flags" line (ARM writes "Features").
  if (flags !== undefined) return /\blm\b/.test(flags) ? 'x86_64' : 'i686';
  const version = number(armVersion);
  if (version !== undefined) return version >= 8 ? 'arm64' : `armv${version}l`;
  return undefined;
}

/** The flags each x86-64 level adds to the one before, as /proc/cpuinfo names them (pni is SSE3, abm brings LZCNT). */
const ISA_LEVELS: Array<[string, string[]]> = [
  ['x86-64-v1', ['lm', 'cmov', 'cx8', 'fpu', 'fxsr', 'mmx', 'syscall', 'sse', 'sse2']],
  ['x86-64-v2', ['cx16', 'lahf_lm', 'popcnt', 'pni', 'sse4_1', 'sse4_2', 'ssse3']],
  ['x86-64-v3', ['avx', 'avx2', 'bmi1', 'bmi2', 'f16c', 'fma', 'abm', 'movbe', 'xsave']],
  ['x86-64-v4', ['avx512f', 'avx512bw', 'avx512cd', 'avx512dq', 'avx512vl']],
];

/** The highest x86-64 level whose flags, and those of every level below, the processor has. */
export function isaLevelOf(flags: string): string | undefined {
  const have = new Set(flags.trim().split(/\s+/));
  let level: string | undefined;
  for (const [name, needed] of ISA_LEVELS) {
    if (!needed.every((flag) => have.has(flag))) break;
    level = name;
  }
  return level;
}

/**
 * The first processor's x86 family, model, stepping and microcode revision from /proc/cpuinfo, and
 * whether its flags offer hardware virtualisation (vmx, svm); absent on architectures without them.
 */
export function parseCpuIdentification(cpuinfo: string): CpuIdentification {
  const head = cpuinfo.split(/\n\s*\n/)[0] ?? '';
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(head)?.[1];
  const flags = field('flags');
  const identification: CpuIdentification = {
    arch: cpuArch(flags, field('CPU architecture')),
    family: number(field('cpu family')), model: number(field('model')), stepping: number(field('stepping')),
    microcode: field('microcode')?.trim() || undefined,
    isaLevel: flags === undefined ? undefined : isaLevelOf(flags),
    virtualizationSupport: flags === undefined ? undefined : /\b(vmx|svm)\b/.test(flags),
  };
  return Object.fromEntries(Object.entries(identification).filter(([, v]) => v !== undefined));
}

/** /proc/meminfo's SwapTotal, in bytes. */
export function parseSwapTotal(meminfo: string): number | undefined {
  const kb = /^SwapTotal:\s+(\d+)\s*kB/m.exec(meminfo)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}
