/**
 * Names of one instruction set as Node (process.arch), uname -m, Windows (PROCESSOR_ARCHITECTURE,
 * OSArchitecture) and macOS (uname -m, system_profiler) write them, to the name uname -m gives on
 * Linux, except arm64, which every system but Linux calls by that name.
 */
const ARCH_NAMES: Record<string, string> = {
  x64: 'x86_64', x86_64: 'x86_64', amd64: 'x86_64', em64t: 'x86_64', '64-bit': 'x86_64',
  ia32: 'i686', x86: 'i686', i386: 'i686', i486: 'i686', i586: 'i686', i686: 'i686', '32-bit': 'i686',
  arm64: 'arm64', aarch64: 'arm64', armv8l: 'arm64',
  arm: 'armv7l', armv7l: 'armv7l', armv6l: 'armv6l', armhf: 'armv7l',
  riscv64: 'riscv64', ppc64: 'ppc64', ppc64le: 'ppc64le', s390x: 's390x', mips64el: 'mips64el', loong64: 'loongarch64', loongarch64: 'loongarch64',
};

/** The architecture's one name, or the name as given when the table does not know it. */
export function archName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  return ARCH_NAMES[trimmed.toLowerCase()] ?? trimmed;
}
