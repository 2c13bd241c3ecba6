import os from 'node:os';
import type { OsInfo } from '@steward/shared/protocol';
import { queryWmi } from './wmi-query.js';
import { WINDOWS_OS_CLASSES } from './windows-wmi-classes.js';
import { wmiOperatingSystem, wmiHotfixes, wmiUserAccounts, wmiBitLocker, wmiAntivirus } from './wmi-os.js';
import { wmiComputerSystem } from './wmi-hardware.js';
import { licensedProducts, WINDOWS_APPLICATION_ID } from './software-licensing.js';
import { wmiBoolean, type WmiObject } from './wmi-objects.js';
import { repairDeep } from './text-repair.js';
import { CURRENT_VERSION_KEY, LOGON_UI_KEY, lastLoggedOnUser, readRegistryValues, windowsRelease } from './windows-release.js';

export type WindowsOs = OsInfo & { hostname: string; fqdn?: string };

export async function collectWindowsOs(): Promise<WindowsOs> {
  const [wmi, currentVersion, logonUi] = await Promise.all([
    queryWmi(WINDOWS_OS_CLASSES), readRegistryValues(CURRENT_VERSION_KEY), readRegistryValues(LOGON_UI_KEY),
  ]);
  return windowsOs(wmi, { currentVersion, logonUi });
}

/** Values of the registry keys the OS section reads besides WMI. */
export interface WindowsOsRegistry {
  currentVersion?: Record<string, string>;
  logonUi?: Record<string, string>;
}

/** Assembles the OS section from WMI instances keyed by class and the registry's release and logon values. */
export function windowsOs(wmi: Map<string, WmiObject[]>, registry: WindowsOsRegistry = {}): WindowsOs {
  const system = wmiOperatingSystem(wmi.get('Win32_OperatingSystem')?.[0]);
  const release = windowsRelease(registry.currentVersion ?? {}, system.version);
  const computer = wmiComputerSystem(wmi.get('Win32_ComputerSystem')?.[0]);
  const windowsLicence = licensedProducts(wmi.get('SoftwareLicensingProduct') ?? []).find((p) => p.applicationId === WINDOWS_APPLICATION_ID);
  const accounts = (wmi.get('Win32_UserAccount') ?? []).filter((a) => wmiBoolean(a, 'LocalAccount') !== false);
  const hostname = os.hostname();
  return repairDeep({
    platform: 'windows' as const,
    name: system.name ?? 'Windows',
    version: release.version ?? os.release(),
    build: release.build ?? system.build,
    displayVersion: release.displayVersion,
    kernel: os.release(),
    arch: system.arch ?? os.arch(),
    installDate: system.installDate,
    domain: computer.domain,
    uptimeSeconds: Math.round(os.uptime()),
    productId: system.productId,
    licence: windowsLicence && { name: windowsLicence.name, ...windowsLicence.licence, productId: undefined },
    hotfixes: wmi.has('Win32_QuickFixEngineering') ? wmiHotfixes(wmi.get('Win32_QuickFixEngineering')!) : undefined,
    users: {
      loggedOn: computer.userName ? [computer.userName] : [],
      lastLoggedOn: lastLoggedOnUser(registry.logonUi ?? {}, hostname.toUpperCase()),
      local: wmi.has('Win32_UserAccount') ? wmiUserAccounts(accounts) : undefined,
    },
    security: {
      diskEncryption: wmi.has('Win32_EncryptableVolume') ? wmiBitLocker(wmi.get('Win32_EncryptableVolume')!) : undefined,
      antivirus: wmi.has('AntiVirusProduct') ? wmiAntivirus(wmi.get('AntiVirusProduct')!) : undefined,
    },
    hostname,
    fqdn: computer.domain ? `${hostname}.${computer.domain}`.toLowerCase() : undefined,
  });
}
