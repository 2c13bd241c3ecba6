import type { SoftwareEntry } from '@steward/shared';
import { collectDpkg } from './dpkg.js';
import { collectRpm } from './rpm.js';
import { collectApk } from './apk.js';
import { collectPacman } from './pacman.js';
import { collectSnap } from './snap.js';
import { collectFlatpak } from './flatpak.js';
import { collectNix } from './nix.js';
import { collectWindowsSoftware } from './windows-software.js';
import { collectMacApplications } from './macos-applications.js';
import { collectPkgutil } from './pkgutil.js';
import { collectHomebrew } from './homebrew.js';

type Source = () => Promise<SoftwareEntry[]>;

/** Each source skips itself when its tool or database is absent, so all run everywhere they may apply. */
const LINUX_SOURCES: Source[] = [collectDpkg, collectRpm, collectApk, collectPacman, collectSnap, collectFlatpak, collectNix];

function sourcesFor(platform: NodeJS.Platform): Source[] {
  if (platform === 'linux') return LINUX_SOURCES;
  if (platform === 'win32') return [collectWindowsSoftware];
  if (platform === 'darwin') return [collectMacApplications, collectPkgutil, collectHomebrew];
  return [];
}

/** Every installed-software source this platform has, read together. */
export async function collectInstalledSoftware(platform: NodeJS.Platform = process.platform): Promise<SoftwareEntry[]> {
  const lists = await Promise.all(sourcesFor(platform).map((collect) => collect().catch(() => [])));
  return lists.flat();
}
