import { identityValue, withoutRepeatedValues, type SnmpDeviceIdentity, type SnmpEntity, type SnmpHostDevice, type SnmpSystem } from '@steward/shared';
import { productOidRegistry } from './data-tables.js';
import { matchOsPackage, matchOsPatterns, type PatternField, type PatternFindings } from './match-os-patterns.js';
import type { VendorOidFindings } from './vendor-oids.js';
import {
  enterpriseOf, isBorrowedEnterprise, isMakerEnterprise, ouiVendor, registeredEnterpriseName, vendorDefaultOs, vendorDisplayName,
} from './vendor-names.js';

/** What a probe gathered that bears on who made the device and what it runs. */
export interface IdentityEvidence {
  system: SnmpSystem;
  /** Enterprise subtrees the agent answers under, in the order found. */
  subtreeEnterprises: number[];
  /** ENTITY-MIB physical rows, in index order. */
  entities: SnmpEntity[];
  chassis?: SnmpEntity;
  /** The serial of a chassis whose row states none, as its backplane or (a fixed unit) its one board states it. */
  boardSerial?: string;
  /** Vendor objects that state the device itself (its model and serial over its management card's). */
  deviceOids: VendorOidFindings;
  vendorOids: VendorOidFindings;
  /** MAC addresses of the device itself (bridge address first, then interfaces). */
  macs: string[];
  hostDevices: SnmpHostDevice[];
  /** hrSWInstalled entries: some name the operating system and its version. */
  software: ReadonlyArray<{ name: string; version?: string }>;
  isPrinter: boolean;
}

type Source = NonNullable<SnmpDeviceIdentity['vendorSource']>;

/** Decides vendor, model, serial, OS and version from the evidence, each with the source it came from. */
export function identifyDevice(evidence: IdentityEvidence): SnmpDeviceIdentity {
  const { system, chassis, vendorOids, deviceOids } = evidence;
  const enterprise = enterpriseOf(system.sysObjectID);
  const numbered = pickVendor(evidence, enterprise);
  const makerEnterprise = numbered.enterprise ?? enterprise;
  const patterns = serialFromMac(matchOsPatterns(system.sysDescr, system.sysObjectID, makerEnterprise, numbered.name), evidence.macs);
  // A maker that names itself in sysDescr wins over the enterprise number its gear borrows.
  const vendor = patterns.vendor ? { name: patterns.vendor.value, source: patterns.vendor.from } : numbered;
  // A host lists its print drivers as printers too: only a Printer-MIB device is one.
  const printerModel = evidence.isPrinter ? evidence.hostDevices.find((d) => d.type === 'printer')?.descr : undefined;

  // A description that is only "<OS> <version>" names no model: the maker's objects say it instead.
  const patternModel = patterns.model?.value === patterns.os?.value ? undefined : patterns.model;
  const model = first<Source>([chassis?.model, 'entity-mib'], [deviceOids.model, 'vendor-oid'], [ranked(patternModel, false), 'sysDescr'], [vendorOids.model, 'vendor-oid'],
    [ranked(patternModel, true), 'sysDescr'], [printerModel, 'host-resources'],
    // Where nothing names a model, a chassis row's description does (a stack's or a bare row's says less);
    // so does the top row's where the agent lists descriptions without classes.
    [chassis?.class === 'chassis' || (chassis && chassis.class === undefined) ? chassis?.descr : undefined, 'entity-mib'])
    // Last: the name the maker registered for this sysObjectID, terse yet naming gear nothing else describes.
    ?? first<Source>([registeredProduct(system.sysObjectID), 'sysObjectID']);
  const serial = first<Source>([chassis?.serial, 'entity-mib'], [deviceOids.serial, 'vendor-oid'], [ranked(patterns.serial, false), 'sysDescr'], [vendorOids.serial, 'vendor-oid'],
    [ranked(patterns.serial, true), 'sysDescr'], [evidence.boardSerial, 'entity-mib']);
  const firmware = first<Source>([patterns.firmware?.value, 'sysDescr'], [vendorOids.firmware, 'vendor-oid'], [chassis?.firmwareRev, 'entity-mib']);
  const installedOs = matchOsPackage(evidence.software, system.sysObjectID, makerEnterprise);
  const os = pickOs(patterns, installedOs, vendorOids, chassis, makerEnterprise, vendor.name, firmware);

  return withoutRepeatedValues<SnmpDeviceIdentity>({
    vendor: identityValue(vendor.name),
    vendorSource: vendor.source,
    enterprise: enterprise !== undefined ? { number: enterprise, name: (registeredEnterpriseName(enterprise) ?? 'unregistered').slice(0, 512) } : undefined,
    model: model?.[0],
    modelSource: model?.[1],
    serial: serial?.[0],
    serialSource: serial?.[1],
    os: identityValue(os?.os),
    osVersion: identityValue(os?.version),
    osSource: os?.source,
    kernel: identityValue(patterns.kernel?.value),
    kernelVersion: identityValue(patterns.kernelVersion?.value),
    firmware: firmware?.[0],
    hardwareRevision: first([chassis?.hardwareRev, 0], [patterns.hardwareRevision?.value, 0], [vendorOids.hardwareRevision, 0])?.[0],
    deviceType: patterns.deviceType?.value ?? (evidence.isPrinter ? 'printer' : undefined),
  }, FIELD_PRECEDENCE);
}

/** What a rule sets as the serial of a product line whose serial number is its MAC address (Axis). */
const MAC_AS_SERIAL = '{mac}';

/** The device's own MAC address, written as such makers print the serial number, where a rule says the serial is that. */
function serialFromMac(patterns: PatternFindings, macs: string[]): PatternFindings {
  if (patterns.serial?.value !== MAC_AS_SERIAL) return patterns;
  const { serial, ...rest } = patterns;
  const mac = macs[0]?.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return mac ? { ...rest, serial: { ...serial, value: mac } } : rest;
}

/** The product the maker's product MIB registers under this sysObjectID. */
function registeredProduct(sysObjectID: string | undefined): string | undefined {
  return sysObjectID ? productOidRegistry().names[sysObjectID.replace(/^\./, '')] : undefined;
}

/** A rule's finding at one rank: before the vendor objects, or (a rule marking it so) after them. */
function ranked(finding: PatternFindings[PatternField], belowVendorObjects: boolean): string | undefined {
  return finding && Boolean(finding.belowVendorObjects) === belowVendorObjects ? finding.value : undefined;
}

function pickVendor(evidence: IdentityEvidence, enterprise: number | undefined): { name?: string; source?: Source; enterprise?: number } {
  const own = enterprise !== undefined && isMakerEnterprise(enterprise) ? enterprise : undefined;
  if (own !== undefined && !isBorrowedEnterprise(own)) return { name: vendorDisplayName(own), source: 'sysObjectID', enterprise: own };
  const subtree = evidence.subtreeEnterprises.find((e) => isMakerEnterprise(e) && !isBorrowedEnterprise(e));
  if (subtree !== undefined) return { name: vendorDisplayName(subtree), source: 'enterprise-subtree', enterprise: subtree };
  if (own !== undefined) return { name: vendorDisplayName(own), source: 'sysObjectID', enterprise: own };
  if (evidence.chassis?.manufacturer) return { name: evidence.chassis.manufacturer, source: 'entity-mib' };
  if (evidence.vendorOids.vendor) return { name: evidence.vendorOids.vendor, source: 'vendor-oid' };
  for (const mac of evidence.macs) {
    const name = ouiVendor(mac);
    if (name) return { name: name.slice(0, 256), source: 'mac-oui' };
  }
  // Only the agent implementation is known (net-snmp on some embedded board): say that much.
  if (enterprise !== undefined && enterprise > 0) return { name: vendorDisplayName(enterprise), source: 'sysObjectID', enterprise };
  return {};
}

/**
 * The operating system and its version, both from one place where possible: a sysDescr rule, then
 * an installed package, then an OS name (rule, vendor OID or the vendor's usual OS) with the
 * version a vendor OID or the ENTITY-MIB chassis states, then the firmware version.
 */
function pickOs(
  patterns: ReturnType<typeof matchOsPatterns>,
  installed: ReturnType<typeof matchOsPackage>,
  vendorOids: VendorOidFindings,
  chassis: SnmpEntity | undefined,
  enterprise: number | undefined,
  vendor: string | undefined,
  firmware: [string, Source] | undefined,
): { os: string; version?: string; source: Source } | undefined {
  const named = patterns.os;
  if (named && patterns.version) return { os: named.value, version: patterns.version.value, source: named.from };
  if (installed) return { os: installed.os, version: installed.version, source: 'host-resources' };
  // The OS a vendor object names wins over one a rule infers from the enterprise number alone.
  const ruleOs = named?.from === 'sysObjectID' && vendorOids.os ? undefined : named;
  const os = ruleOs?.value ?? vendorOids.os ?? (enterprise !== undefined ? vendorDefaultOs(enterprise) : undefined);
  // A version sysDescr states without naming the OS is that of the maker's software.
  const unnamedVersion = named ? undefined : patterns.version?.value;
  const version = first<Source>([vendorOids.osVersion, 'vendor-oid'], [unnamedVersion, 'sysDescr'], [chassis?.softwareRev, 'entity-mib']);
  if (version) return { os: os ?? makerFirmware(vendor), version: version[0], source: version[1] };
  if (ruleOs) return { os: ruleOs.value, source: ruleOs.from };
  if (firmware) return { os: os ?? makerFirmware(vendor), version: firmware[0], source: firmware[1] };
  if (os) return { os, source: vendorOids.os ? 'vendor-oid' : 'sysObjectID' };
  // An appliance that names no product of its own is known by the kernel it runs.
  if (patterns.kernel) return { os: patterns.kernel.value, version: patterns.kernelVersion?.value, source: patterns.kernel.from };
  // Gear that names no operating system still runs its maker's firmware.
  return vendor ? { os: makerFirmware(vendor), source: 'sysObjectID' } : undefined;
}

/** What to call the software of gear that states a version but never names its operating system. */
function makerFirmware(vendor: string | undefined): string {
  return `${vendor ?? 'device'} firmware`.slice(0, 128);
}

/** The first candidate that holds a real value (placeholders and control bytes dropped), with its source. */
function first<S>(...candidates: Array<[string | undefined, S]>): [string, S] | undefined {
  for (const [raw, source] of candidates) {
    const value = identityValue(raw);
    if (value) return [value, source];
  }
  return undefined;
}

/** Which field keeps a value two fields hold: the earlier one here. */
const FIELD_PRECEDENCE = ['os', 'osVersion', 'model', 'serial', 'firmware', 'hardwareRevision'] as const;
