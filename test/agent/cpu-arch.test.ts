import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCpuIdentification } from '../../agent/src/collectors/cpu-identification.js';
import { archName } from '../../agent/src/collectors/cpu-arch.js';
import { parseGlibcHwcaps } from '../../agent/src/collectors/glibc-hwcaps.js';
import { ownText } from './fixture-files.js';

const LOADER = '/lib64/ld-linux-x86-64.so.2';

describe('the processor\'s architecture', () => {
  it('reads it from /proc/cpuinfo: long mode makes x86_64, ARM\'s architecture 8 arm64', () => {
    expect(parseCpuIdentification(ownText('sys/cpuinfo-epyc-vm.txt')).arch).toBe('x86_64');
    expect(parseCpuIdentification(ownText('sys/cpuinfo-arm64.txt')).arch).toBe('arm64');
    expect(parseCpuIdentification('processor\t: 0\nflags\t\t: fpu vme de pse tsc cx8 sse sse2\n').arch).toBe('i686');
    expect(parseCpuIdentification('processor\t: 0\nCPU architecture: 7\n').arch).toBe('armv7l');
  });

  it('gives one name to what Node, uname, Windows and macOS each call it', () => {
    expect(['x64', 'AMD64', 'x86_64', 'ia32', 'x86', 'aarch64', 'arm64', 'ppc64le', 'sparc64', ''].map(archName))
      .toEqual(['x86_64', 'x86_64', 'x86_64', 'i686', 'i686', 'arm64', 'arm64', 'ppc64le', 'sparc64', undefined]);
  });

  it('takes the x86-64 level the loader reports over the one the kernel\'s flags reach', () => {
    const help = 'Subdirectories of glibc-hwcaps directories, in priority order:\n  x86-64-v4\n  x86-64-v3 (supported, searched)\n  x86-64-v2 (supported, searched)\n\nLegacy HWCAP subdirectories';
    expect(parseGlibcHwcaps(help)).toBe('x86-64-v3');
    expect(parseGlibcHwcaps('Subdirectories of glibc-hwcaps directories, in priority order:\n  x86-64-v4\n  x86-64-v3\n  x86-64-v2\n')).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('reports this machine\'s architecture as uname -m, and its x86-64 level as the loader sees it', async () => {
    const { collectLinuxHardware } = await import('../../agent/src/collectors/linux-hardware.js');
    const { cpu } = await collectLinuxHardware();
    const machine = execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();
    expect(cpu?.arch).toBe(machine === 'aarch64' ? 'arm64' : machine);
    if (machine === 'x86_64' && existsSync(LOADER)) {
      const help = execFileSync(LOADER, ['--help'], { encoding: 'utf8' });
      const best = help.split('\n').find((line) => line.includes('(supported'))?.trim().split(' ')[0];
      expect(cpu?.isaLevel).toBe(best);
    }
  });
});
