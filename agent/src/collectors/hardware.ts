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
  return (await import('./si-hardware.js')).collectSiHardware();
}

export type { HardwareInfo, HardwareInput };
