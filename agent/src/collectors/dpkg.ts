import type { SoftwareEntry } from '@steward/shared';
import { runCommand } from './run-command.js';

/** The dpkg-query format this parser reads: one package a line, tab separated. */
export const DPKG_QUERY_FORMAT = '${Package}\\t${Architecture}\\t${Version}\\t${Status}\\t${Maintainer}\\n';

/** dpkg states in which a package's files are on disk (config-files and not-installed are not). */
const PRESENT_STATES = new Set([
  'installed', 'half-configured', 'unpacked', 'half-installed', 'triggers-awaited', 'triggers-pending',
]);

/**
 * Parses `dpkg-query -W -f '<DPKG_QUERY_FORMAT>'`. Lines without a status column (the plain
 * `dpkg-query -W` shape) are taken as installed.
 */
export function parseDpkgQuery(output: string): SoftwareEntry[] {
  const entries: SoftwareEntry[] = [];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const [name, arch, version, status, maintainer] = line.split('\t');
    if (!name) continue;
    const state = status?.trim().split(/\s+/).at(-1);
    if (state && !PRESENT_STATES.has(state)) continue;
    entries.push({
      name,
      version: version || undefined,
      arch: arch || undefined,
      publisher: maintainer?.trim() || undefined,
      source: 'dpkg',
    });
  }
  return entries;
}

export async function collectDpkg(): Promise<SoftwareEntry[]> {
  const output = await runCommand('dpkg-query', ['-W', '-f', DPKG_QUERY_FORMAT]);
  return output === null ? [] : parseDpkgQuery(output);
}
