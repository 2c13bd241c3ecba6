import type { SoftwareEntry } from '@steward/shared/protocol';
import { collectHardware, type HardwareInput } from './collectors/hardware.js';
import { collectOs, type CollectedOs } from './collectors/os.js';
import { softwareSourcesFor } from './collectors/software.js';
import { fileStamps, listings, processFacts } from './change-evidence.js';
import { readExtraSoftware } from './extra-software.js';
import { SourceCache, type EvidencedSource } from './source-cache.js';
import { readDefaultGateways } from './collectors/net-routes.js';
import { readSysText } from './collectors/read-sys.js';
import { POINT_RELEASE_FILES } from './collectors/os-point-release.js';

export interface CollectedParts {
  hardware: HardwareInput;
  os: CollectedOs;
  software: SoftwareEntry[];
}

/** Where Linux shows devices coming and going, and the files the OS section is read from. */
const LINUX_DEVICE_LISTINGS = [
  '/sys/block', '/sys/class/net', '/sys/class/drm', '/sys/class/power_supply', '/sys/bus/pci/devices', '/sys/bus/usb/devices', '/dev/mapper',
];
const LINUX_OS_FILES = [
  '/etc/os-release', '/usr/lib/os-release', '/etc/hostname', '/etc/hosts', '/etc/passwd', '/etc/shadow', '/etc/group',
  '/run/utmp', '/var/run/utmp', '/var/log/wtmp', '/run/reboot-required', '/var/run/reboot-required', '/etc/crypttab',
  ...POINT_RELEASE_FILES,
];

function hardwareSource(platform: NodeJS.Platform): EvidencedSource<HardwareInput> {
  return {
    name: 'hardware',
    read: () => collectHardware(platform),
    // On Linux also the default routes and the mounts, small /proc files; elsewhere only what the process sees
    // for free, and the full check catches the rest.
    evidence: platform === 'linux'
      ? async () => `${processFacts()}\n${await listings(LINUX_DEVICE_LISTINGS)}\n${JSON.stringify([...await readDefaultGateways()])}\n${await readSysText('/proc/self/mountinfo')}`
      : async () => processFacts(),
  };
}

function osSource(platform: NodeJS.Platform): EvidencedSource<CollectedOs> {
  return {
    name: 'os',
    read: () => collectOs(platform),
    // Logged-on users and security state have no cheap evidence outside Linux: read every cycle there.
    evidence: platform === 'linux' ? async () => `${processFacts()}\n${await fileStamps(LINUX_OS_FILES)}\n${await listings(['/sys/block', '/dev/mapper'])}` : undefined,
  };
}

export interface SourceOptions {
  platform?: NodeJS.Platform;
  extraSoftwareFile?: string;
  /** Seconds after which a source is read again whatever its evidence says; 0 reads everything every time. */
  fullCheckSeconds?: number;
  onExtraSoftwareProblem?: (message: string) => void;
}

/**
 * Every source of this machine's inventory, each re-read only when its change evidence moved
 * (package database stamps, device listings) or its full-check period ran out.
 */
export class InventorySources {
  readonly cache: SourceCache;
  private readonly sources: {
    hardware: EvidencedSource<HardwareInput>;
    os: EvidencedSource<CollectedOs>;
    software: EvidencedSource<SoftwareEntry[]>[];
  };

  constructor(private readonly options: SourceOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.cache = new SourceCache((options.fullCheckSeconds ?? 0) * 1000);
    const software: EvidencedSource<SoftwareEntry[]>[] = softwareSourcesFor(platform).map((source) => ({
      name: `software:${source.name}`,
      read: () => source.collect().catch(() => []),
      evidence: () => fileStamps(source.evidence),
    }));
    const extra = options.extraSoftwareFile;
    if (extra) software.push({ name: 'software:extra', read: () => this.readExtra(extra), evidence: () => fileStamps([extra]) });
    this.sources = { hardware: hardwareSource(platform), os: osSource(platform), software };
  }

  private async readExtra(file: string): Promise<SoftwareEntry[]> {
    try {
      const { entries, skipped } = await readExtraSoftware(file);
      if (skipped) this.options.onExtraSoftwareProblem?.(`${skipped} entries of ${file} do not fit the software schema and are left out`);
      return entries;
    } catch (error) {
      // Thrown on, so that what was last read stands until the file reads again (it may be mid-write).
      this.options.onExtraSoftwareProblem?.(`${file}: ${(error as Error).message}`);
      throw error;
    }
  }

  async collect(): Promise<CollectedParts> {
    this.cache.beginCycle();
    const [hardware, os, lists] = await Promise.all([
      this.cache.get(this.sources.hardware),
      this.cache.get(this.sources.os),
      Promise.all(this.sources.software.map((source) => this.cache.get(source).catch((): SoftwareEntry[] => []))),
    ]);
    return { hardware, os, software: lists.flat() };
  }
}
