import type { SoftwareEntry } from '../protocol.js';
import { entriesOf, softwareEntry } from './software-entry.js';
import { dateFromEpochSeconds } from './install-date.js';

/**
 * The rpm query this parser reads, one package a line, tab separated. The first eight columns are
 * the form other inventory tools record too, so their outputs parse as well; the epoch comes last.
 */
export const RPM_QUERY_FORMAT =
  '%{NAME}\\t%{ARCH}\\t%{VERSION}-%{RELEASE}\\t%{INSTALLTIME}\\t%{SIZE}\\t%{VENDOR}\\t%{SUMMARY}\\t%{GROUP}\\t%{EPOCH}\\n';

/** rpm prints this for a tag a package lacks. */
const NONE = '(none)';

function given(value: string | undefined): string | undefined {
  return value === undefined || value === NONE ? undefined : value;
}

/** Parses `rpm -qa --queryformat RPM_QUERY_FORMAT`. The gpg-pubkey pseudo-packages are keys, not software. */
export function parseRpmQuery(output: string): SoftwareEntry[] {
  return entriesOf(output.split('\n').map((line) => {
    const [name, arch, version, installTime, , vendor, , , epoch] = line.replace(/\r$/, '').split('\t');
    if (!name || name === 'gpg-pubkey') return undefined;
    const epochText = given(epoch);
    return softwareEntry({
      name,
      version: epochText && epochText !== '0' ? `${epochText}:${version}` : version,
      arch: given(arch),
      publisher: given(vendor),
      installDate: dateFromEpochSeconds(given(installTime)),
      source: 'rpm',
    });
  }));
}
