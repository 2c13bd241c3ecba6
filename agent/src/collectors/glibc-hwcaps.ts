import { existsSync } from 'node:fs';
import { runCommand } from './run-command.js';

/** The dynamic loader of x86-64 glibc systems, which reports the levels its own CPUID checks pass. */
const X86_64_LOADER = '/lib64/ld-linux-x86-64.so.2';

/**
 * The highest x86-64 level glibc's loader marks "supported" in `ld.so --help` (glibc 2.33 and
 * later). The loader reads CPUID itself, so it sees what a hypervisor leaves out of the kernel's
 * /proc/cpuinfo flags (some hide "abm", LZCNT, though the processor runs it): it is the level
 * the machine's programs actually get.
 */
export function parseGlibcHwcaps(help: string): string | undefined {
  const supported = [...help.matchAll(/^\s+(x86-64-v[1-4]) \(supported/gm)].map((m) => m[1]!);
  return supported.sort().at(-1);
}

export async function readGlibcIsaLevel(): Promise<string | undefined> {
  if (!existsSync(X86_64_LOADER)) return undefined;
  const help = await runCommand(X86_64_LOADER, ['--help'], { timeoutMs: 3000 });
  return help === null ? undefined : parseGlibcHwcaps(help);
}
