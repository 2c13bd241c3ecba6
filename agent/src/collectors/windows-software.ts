import os from 'node:os';
import type { SoftwareEntry } from '@steward/shared/protocol';
import { exportRegistryKey, loadedUserHives } from './windows-registry.js';
import { uninstallEntries } from './windows-uninstall.js';
import { officeEntries, officeLicenceLinks } from './office-registration.js';
import { attachOfficeLicences } from './office-licences.js';
import { licensedProducts } from './software-licensing.js';
import { parseAppxPackages } from './appx.js';
import { runPowerShell } from './powershell.js';
import { queryWmi } from './wmi-query.js';
import { LICENSING_QUERY } from './windows-wmi-classes.js';

const UNINSTALL = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const UNINSTALL_32 = 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

const APPX_SCRIPT = 'Get-AppxPackage -AllUsers | Select-Object Name,Version,Publisher,Architecture,InstallLocation,PackageFullName,PackageFamilyName,SignatureKind | ConvertTo-Json -Depth 2 -Compress';

/** The machine's architecture name for programs in the native registry view. */
function nativeArch(): string {
  return os.arch() === 'ia32' ? 'x86' : os.arch();
}

/** Installed programs of the machine (both registry views), of each loaded user, Office products with their licences, and MSIX packages. */
export async function collectWindowsSoftware(): Promise<SoftwareEntry[]> {
  const hives = await loadedUserHives();
  const [machine, machine32, users, office, office32, licensing, appx] = await Promise.all([
    exportRegistryKey(`HKLM\\${UNINSTALL}`),
    exportRegistryKey(`HKLM\\${UNINSTALL_32}`),
    Promise.all(hives.map((sid) => exportRegistryKey(`HKU\\${sid}\\${UNINSTALL}`))),
    exportRegistryKey('HKLM\\SOFTWARE\\Microsoft\\Office'),
    exportRegistryKey('HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office'),
    queryWmi([LICENSING_QUERY]),
    runPowerShell(APPX_SCRIPT, 120_000),
  ]);
  const officeKeys = [...office, ...office32];
  return [
    ...uninstallEntries(machine, { arch: nativeArch() }),
    ...uninstallEntries(machine32),
    ...users.flatMap((keys) => uninstallEntries(keys)),
    ...attachOfficeLicences(officeEntries(officeKeys), licensedProducts(licensing.get('SoftwareLicensingProduct') ?? []), officeLicenceLinks(officeKeys)),
    ...(appx === null ? [] : parseAppxPackages(appx)),
  ];
}
