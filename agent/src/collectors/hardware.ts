import os from 'node:os';
import { archName } from './cpu-arch.js';
import type { HardwareInfo } from '@steward/shared/protocol';
import type { HardwareInput } from './si-hardware.js';

export { known } from './placeholder-values.js';

/**
 * This machine's hardware, from the collector written for its platform. Each platform's collectors
 * are loaded only where they run: compiling the others would only cost the endpoint memory.
 */
export async function collectHardware(platform: NodeJS.Platform = process.platform): Promise<HardwareInput> {
  if (platform === 'linux') return (await import('./linux-hardware.js')).collectLinuxHardware();
  if (platform === 'win32') return (await import('./windows-hardware.js')).collectWindowsHardware();
  if (platform === 'darwin') return collectMacHardware();
  return (await import('./si-hardware.js')).collectSiHardware();
}

/** systeminformation's hardware and the volumes system_profiler lists, with their space. */
async function collectMacHardware(): Promise<HardwareInput> {
  const [{ collectSiHardware }, { parseSystemProfilerVolumes, readSystemProfiler }] = await Promise.all([import('./si-hardware.js'), import('./macos-system-profiler.js')]);
  const [hardware, report] = await Promise.all([collectSiHardware(), readSystemProfiler()]);
  return { ...hardware, cpu: { ...hardware.cpu, arch: archName(os.machine()) }, filesystems: parseSystemProfilerVolumes(report) };
}

export type { HardwareInfo, HardwareInput };
