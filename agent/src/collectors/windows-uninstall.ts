import type { SoftwareEntry } from '@steward/shared/protocol';
import { keyName, parentPath, regNumber, regText, type RegKey } from './reg-export.js';
import { cleanText, entriesOf, softwareEntry } from './software-entry.js';
import { normaliseDate } from './install-date.js';

/**
 * Installed programs from the Uninstall keys of a registry export, as Programs and Features lists
 * them and a little more:
 * - each direct subkey of an ...\Uninstall key with a DisplayName value is one entry; subkeys without
 *   that value (Windows components such as AddressBook, MSI patches and hotfix stubs) are skipped,
 *   since a key name is no product name;
 * - a DisplayName that is present but blank (Office 2010 writes some patch keys so) still makes an
 *   entry, named by its key: the installer registered something there, and the key name is all
 *   that identifies it;
 * - entries marked SystemComponent=1 are kept and flagged `systemComponent`, because Programs and
 *   Features hides them but they are installed (runtimes, drivers, parts of suites);
 * - WindowsInstaller=1 makes the source "msi", whose key name is the MSI product code; other keys
 *   are "registry" entries identified by their key name;
 * - the version is DisplayVersion, else VersionMajor.VersionMinor;
 * - keys under WOW6432Node are 32-bit programs on 64-bit Windows; `arch` names the others.
 */
export function uninstallEntries(keys: RegKey[], options: { arch?: string } = {}): SoftwareEntry[] {
  return entriesOf(keys.filter(isUninstallSubkey).filter((key) => key.values.has('displayname')).map((key) => {
    const major = regNumber(key, 'VersionMajor');
    const minor = regNumber(key, 'VersionMinor');
    return softwareEntry({
      name: cleanText(regText(key, 'DisplayName')) ?? keyName(key),
      version: regText(key, 'DisplayVersion') ?? (major !== undefined ? `${major}.${minor ?? 0}` : undefined),
      publisher: regText(key, 'Publisher'),
      installDate: normaliseDate(regText(key, 'InstallDate')),
      installLocation: regText(key, 'InstallLocation'),
      productCode: keyName(key),
      arch: /\\WOW6432Node\\/i.test(key.path) ? 'x86' : options.arch,
      systemComponent: regNumber(key, 'SystemComponent') === 1 ? true : undefined,
      source: regNumber(key, 'WindowsInstaller') === 1 ? 'msi' : 'registry',
    });
  }));
}

function isUninstallSubkey(key: RegKey): boolean {
  return /\\Uninstall$/i.test(parentPath(key));
}
