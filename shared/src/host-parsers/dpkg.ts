import type { SoftwareEntry } from '../protocol.js';
import { entriesOf, softwareEntry } from './software-entry.js';

/**
 * The dpkg-query format this parser reads: one package a line, tab separated. The first six columns
 * are the form other inventory tools record too, so their outputs parse as well.
 */
export const DPKG_QUERY_FORMAT =
  '${Package}\\t${Architecture}\\t${Version}\\t${Installed-Size}\\t${Section}\\t${Status}\\t${Maintainer}\\n';

/** dpkg states in which a package's files are on disk (config-files and not-installed are not). */
const PRESENT_STATES = new Set([
  'installed', 'half-configured', 'unpacked', 'half-installed', 'triggers-awaited', 'triggers-pending',
]);

/**
 * Parses `dpkg-query -W -f '<DPKG_QUERY_FORMAT>'`. Lines without a status column are taken as
 * installed, as dpkg-query lists only packages it knows of.
 */
export function parseDpkgQuery(output: string): SoftwareEntry[] {
  return entriesOf(output.split('\n').map((line) => {
    const [name, arch, version, , , status, maintainer] = line.replace(/\r$/, '').split('\t');
    const state = status?.trim().split(/\s+/).at(-1);
    if (!name?.trim() || (state && !PRESENT_STATES.has(state))) return undefined;
    return softwareEntry({ name, version, arch, publisher: maintainer, source: 'dpkg' });
  }));
}
