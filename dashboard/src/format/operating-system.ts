import type { DeviceSummary } from '@steward/shared';

/** A device's operating system in a few words: its name, and its version unless the name holds it. */
export function operatingSystemLabel(device: Pick<DeviceSummary, 'osName' | 'osVersion'>): string {
  const name = device.osName?.trim();
  if (!name) return 'Unknown';
  const version = device.osVersion?.trim();
  // Names such as "Ubuntu 22.04.4 LTS" often already carry their version.
  return version && !name.includes(version) ? `${name} ${version}` : name;
}
