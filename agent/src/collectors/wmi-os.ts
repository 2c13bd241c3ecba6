import type { OsInfo } from '@steward/shared/protocol';
import { known } from './placeholder-values.js';
import { dateFromUsShort, normaliseDate } from './install-date.js';
import { wmiBoolean, wmiNumber, wmiText, type WmiObject } from './wmi-objects.js';
import { repairDeep } from './text-repair.js';

type Security = NonNullable<OsInfo['security']>;

/**
 * Win32_OperatingSystem. The architecture is localised ("32 bits", "64-Bit", "ARM 64-bit
 * Processor"): ARM and its digits are what count.
 */
export function wmiOperatingSystem(system: WmiObject | undefined) {
  const architecture = wmiText(system, 'OSArchitecture') ?? '';
  const bits = /(\d+)/.exec(architecture)?.[1];
  const arm = /\barm/i.test(architecture);
  const servicePack = wmiNumber(system, 'ServicePackMajorVersion');
  return repairDeep({
    name: known(wmiText(system, 'Caption')),
    version: known(wmiText(system, 'Version')),
    build: known(wmiText(system, 'BuildNumber')),
    servicePack: servicePack ? `SP${servicePack}` : undefined,
    arch: bits === '64' ? (arm ? 'arm64' : 'x86_64') : bits === '32' ? (arm ? 'armv7l' : 'i686') : undefined,
    installDate: normaliseDate(wmiText(system, 'InstallDate')),
    productId: known(wmiText(system, 'SerialNumber')),
    registeredUser: known(wmiText(system, 'RegisteredUser')),
  });
}

/**
 * Win32_QuickFixEngineering. Windows XP lists some updates as HotFixID "File 1" with the KB number
 * in ServicePackInEffect; the KB number is taken from there. InstalledOn is M/D/YYYY, or on some
 * systems a FILETIME in hex, which is read too. Each update is listed once.
 */
export function wmiHotfixes(fixes: WmiObject[]): NonNullable<OsInfo['hotfixes']> {
  const seen = new Map<string, NonNullable<OsInfo['hotfixes']>[number]>();
  for (const fix of fixes) {
    const hotfix = wmiText(fix, 'HotFixID');
    const spKb = wmiText(fix, 'ServicePackInEffect');
    const id = hotfix && /^KB\d+/i.test(hotfix) ? hotfix : spKb && /^KB\d+/i.test(spKb) ? spKb : known(hotfix);
    if (!id || seen.has(id.toUpperCase())) continue;
    seen.set(id.toUpperCase(), { id, description: known(wmiText(fix, 'Description')), installedOn: installedOn(wmiText(fix, 'InstalledOn')) });
  }
  return repairDeep([...seen.values()]);
}

function installedOn(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^[0-9a-f]{15,16}$/i.test(text)) {
    // FILETIME: 100-nanosecond ticks since 1601-01-01.
    const ms = Number(BigInt(`0x${text}`) / 10_000n) - 11_644_473_600_000;
    return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString().slice(0, 10) : undefined;
  }
  return dateFromUsShort(text) ?? normaliseDate(text);
}

/** Win32_UserAccount (local accounts). */
export function wmiUserAccounts(accounts: WmiObject[]): NonNullable<NonNullable<OsInfo['users']>['local']> {
  return repairDeep(accounts.flatMap((a) => {
    const name = known(wmiText(a, 'Name'));
    return name ? [{ name, id: known(wmiText(a, 'SID')), fullName: known(wmiText(a, 'FullName')), disabled: wmiBoolean(a, 'Disabled') }] : [];
  }));
}

const ENCRYPTION_METHODS = ['none', 'AES-128 with diffuser', 'AES-256 with diffuser', 'AES-128', 'AES-256', 'hardware', 'XTS-AES-128', 'XTS-AES-256'];
const CONVERSION_STATUS = ['fully decrypted', 'fully encrypted', 'encrypting', 'decrypting', 'encryption paused', 'decryption paused'];

/** Win32_EncryptableVolume (root\CIMV2\Security\MicrosoftVolumeEncryption): BitLocker state of each volume. */
export function wmiBitLocker(volumes: WmiObject[]): NonNullable<Security['diskEncryption']> {
  return repairDeep(volumes.flatMap((v) => {
    const volume = known(wmiText(v, 'DriveLetter')) ?? known(wmiText(v, 'DeviceID'));
    if (!volume) return [];
    const method = wmiNumber(v, 'EncryptionMethod');
    const conversion = wmiNumber(v, 'ConversionStatus');
    return [{
      volume,
      method: method === undefined || method === 0 ? undefined : `BitLocker ${ENCRYPTION_METHODS[method] ?? method}`,
      protected: wmiNumber(v, 'ProtectionStatus') === undefined ? undefined : wmiNumber(v, 'ProtectionStatus') === 1,
      status: conversion === undefined ? undefined : CONVERSION_STATUS[conversion],
    }];
  }));
}

/**
 * root\SecurityCenter2 AntiVirusProduct: productState packs the state in its middle byte (0x10 on,
 * 0x00 or 0x01 off) and the signatures' age in its low byte (0x00 up to date, 0x10 out of date).
 */
export function wmiAntivirus(products: WmiObject[]): NonNullable<Security['antivirus']> {
  return repairDeep(products.flatMap((p) => {
    const name = known(wmiText(p, 'displayName'));
    const state = wmiNumber(p, 'productState');
    if (!name) return [];
    return [{
      name,
      enabled: state === undefined ? undefined : ((state >> 8) & 0xff & 0x10) === 0x10,
      upToDate: state === undefined ? undefined : (state & 0xff) === 0x00,
    }];
  }));
}
