import os from 'node:os';
import path from 'node:path';
import type { SoftwareEntry } from '@steward/shared/protocol';
import { collectDpkg } from './dpkg.js';
import { collectRpm } from './rpm.js';
import { APK_INSTALLED_DB, collectApk } from './apk.js';
import { collectPacman } from './pacman.js';
import { collectSnap } from './snap.js';
import { collectFlatpak } from './flatpak.js';
import { collectNix } from './nix.js';
import { BREW_PREFIXES, collectHomebrew } from './homebrew.js';

/**
 * One installed-software source, with the files and directories whose change stamps move when its
 * packages do: the package database itself, or the directories installers write into. Directories
 * listed with a trailing slash stand for their entries too (an upgrade adds a version directory).
 */
export interface SoftwareSource {
  name: string;
  collect: () => Promise<SoftwareEntry[]>;
  evidence: string[];
}

const windowsDir = (variable: string, fallback: string, ...rest: string[]) =>
  path.win32.join(process.env[variable] ?? fallback, ...rest);

function linuxSources(): SoftwareSource[] {
  const home = os.homedir();
  return [
    { name: 'dpkg', collect: collectDpkg, evidence: ['/var/lib/dpkg/status', '/var/lib/dpkg/updates'] },
    { name: 'rpm', collect: collectRpm, evidence: ['/var/lib/rpm', '/var/lib/rpm/rpmdb.sqlite', '/var/lib/rpm/Packages', '/usr/lib/sysimage/rpm', '/usr/lib/sysimage/rpm/rpmdb.sqlite'] },
    { name: 'apk', collect: () => collectApk(), evidence: [APK_INSTALLED_DB] },
    { name: 'pacman', collect: collectPacman, evidence: ['/var/lib/pacman/local'] },
    { name: 'snap', collect: collectSnap, evidence: ['/var/lib/snapd/state.json', '/snap'] },
    { name: 'flatpak', collect: collectFlatpak, evidence: ['/var/lib/flatpak/app', '/var/lib/flatpak/runtime', `${home}/.local/share/flatpak/app`, `${home}/.local/share/flatpak/runtime`] },
    { name: 'nix', collect: collectNix, evidence: ['/nix/var/nix/db/db.sqlite', '/nix/var/nix/profiles/'] },
  ];
}

// The Windows and macOS collectors are loaded only on their platform: elsewhere they would only cost memory.
function windowsSources(): SoftwareSource[] {
  return [{
    name: 'windows',
    collect: async () => (await import('./windows-software.js')).collectWindowsSoftware(),
    // The registry hive files are rewritten when installers change the Uninstall keys; the
    // installer cache and program folders change with every MSI and most other installs.
    evidence: [
      windowsDir('SystemRoot', 'C:\\Windows', 'System32', 'config', 'SOFTWARE'),
      windowsDir('SystemRoot', 'C:\\Windows', 'Installer'),
      windowsDir('ProgramFiles', 'C:\\Program Files') + path.win32.sep,
      windowsDir('ProgramFiles(x86)', 'C:\\Program Files (x86)') + path.win32.sep,
      windowsDir('ProgramFiles', 'C:\\Program Files', 'WindowsApps'),
      windowsDir('ProgramData', 'C:\\ProgramData', 'Microsoft', 'Windows', 'Start Menu', 'Programs'),
      windowsDir('LOCALAPPDATA', 'C:\\Users\\Default\\AppData\\Local', 'Programs'),
    ],
  }];
}

function macSources(): SoftwareSource[] {
  return [
    { name: 'applications', collect: async () => (await import('./macos-applications.js')).collectMacApplications(), evidence: ['/Applications/', '/Library/Receipts/InstallHistory.plist'] },
    { name: 'pkgutil', collect: async () => (await import('./pkgutil.js')).collectPkgutil(), evidence: ['/var/db/receipts', '/Library/Receipts/InstallHistory.plist'] },
    { name: 'homebrew', collect: () => collectHomebrew(), evidence: BREW_PREFIXES.flatMap((p) => [`${p}/Cellar/`, `${p}/Caskroom/`]) },
  ];
}

/** Each source skips itself when its tool or database is absent, so all run everywhere they may apply. */
export function softwareSourcesFor(platform: NodeJS.Platform = process.platform): SoftwareSource[] {
  if (platform === 'linux') return linuxSources();
  if (platform === 'win32') return windowsSources();
  if (platform === 'darwin') return macSources();
  return [];
}

/** Every installed-software source this platform has, read together. */
export async function collectInstalledSoftware(platform: NodeJS.Platform = process.platform): Promise<SoftwareEntry[]> {
  const lists = await Promise.all(softwareSourcesFor(platform).map((source) => source.collect().catch(() => [])));
  return lists.flat();
}
