import type { HardwareInfo } from '@steward/shared';
import { collectLinuxHardware } from './linux-hardware.js';
import { collectWindowsHardware } from './windows-hardware.js';
import { collectSiHardware, type HardwareInput } from './si-hardware.js';

export { known } from './placeholder-values.js';

/** This machine's hardware, from the collector written for its platform. */
export async function collectHardware(platform: NodeJS.Platform = process.platform): Promise<HardwareInput> {
  if (platform === 'linux') return collectLinuxHardware();
  if (platform === 'win32') return collectWindowsHardware();
  return collectSiHardware();
}

export type { HardwareInfo, HardwareInput };
