import type { DeviceSummary } from '@steward/shared';

export interface CountByLabel {
  label: string;
  value: number;
}

export interface DeviceSampleSummary {
  size: number;
  agents: number;
  agentsOnline: number;
  snmpResponding: number;
  softwareInstalls: number;
  byOperatingSystem: CountByLabel[];
}

/** Figures the overview draws from a page of devices: exact when the page holds every device. */
export function summarizeDevices(devices: readonly DeviceSummary[], topSystems = 8): DeviceSampleSummary {
  let agents = 0;
  let agentsOnline = 0;
  let snmpResponding = 0;
  let softwareInstalls = 0;
  const systems = new Map<string, number>();
  for (const device of devices) {
    if (device.kind === 'agent') {
      agents += 1;
      if (device.online) agentsOnline += 1;
    } else if (device.online) {
      snmpResponding += 1;
    }
    softwareInstalls += device.softwareCount;
    const label = operatingSystemLabel(device);
    systems.set(label, (systems.get(label) ?? 0) + 1);
  }
  return {
    size: devices.length,
    agents,
    agentsOnline,
    snmpResponding,
    softwareInstalls,
    byOperatingSystem: topWithOther(systems, topSystems),
  };
}

export function operatingSystemLabel(device: Pick<DeviceSummary, 'osName' | 'osVersion'>): string {
  const name = device.osName?.trim();
  if (!name) return 'Unknown';
  const version = device.osVersion?.trim();
  // Names such as "Ubuntu 22.04.4 LTS" often already carry their version.
  return version && !name.includes(version) ? `${name} ${version}` : name;
}

/** The `limit` largest counts, largest first, the rest folded into "Other". */
function topWithOther(counts: Map<string, number>, limit: number): CountByLabel[] {
  const sorted = [...counts].map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  if (sorted.length <= limit) return sorted;
  const kept = sorted.slice(0, limit - 1);
  const other = sorted.slice(limit - 1).reduce((sum, entry) => sum + entry.value, 0);
  return [...kept, { label: 'Other', value: other }];
}
