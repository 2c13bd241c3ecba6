import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { entriesOf, softwareEntry } from './software-entry.js';
import { dateFromEpochSeconds } from './install-date.js';

/** `pkgutil --pkgs`: one package id a line. */
export function parsePkgutilPackages(output: string): string[] {
  return output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/**
 * `pkgutil --pkg-info ID` outputs, one or several one after the other: "package-id:", "version:",
 * "volume:", "location:", "install-time:" (seconds since the epoch) lines. The package id is the
 * name, as receipts have no other; it is the product code too.
 */
export function parsePkgInfo(output: string): SoftwareEntry[] {
  const receipts: Array<Map<string, string>> = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^([a-z-]+):\s?(.*)$/.exec(line.trim());
    if (!match) continue;
    if (match[1] === 'package-id') receipts.push(new Map());
    receipts.at(-1)?.set(match[1]!, match[2]!);
  }
  return entriesOf(receipts.map((r) => {
    const volume = r.get('volume') ?? '/';
    const location = r.get('location');
    return softwareEntry({
      name: r.get('package-id'),
      version: r.get('version'),
      installDate: dateFromEpochSeconds(r.get('install-time')),
      installLocation: location ? `${volume.replace(/\/$/, '')}/${location.replace(/^\//, '')}` : undefined,
      productCode: r.get('package-id'),
      source: 'pkgutil',
    });
  }));
}

/**
 * Installer receipts of packages that are not macOS's own: Apple's com.apple.pkg.* receipts are
 * the operating system itself, which the OS section reports. pkgutil takes one id a call, so the
 * calls run a few at a time.
 */
export async function collectPkgutil(): Promise<SoftwareEntry[]> {
  const list = await runCommand('pkgutil', ['--pkgs'], { timeoutMs: 30_000 });
  if (list === null) return [];
  const ids = parsePkgutilPackages(list).filter((id) => !id.startsWith('com.apple.'));
  const outputs: string[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => runCommand('pkgutil', ['--pkg-info', id], { timeoutMs: 10_000 })));
    outputs.push(...batch.filter((o): o is string => o !== null));
  }
  return parsePkgInfo(outputs.join('\n'));
}
