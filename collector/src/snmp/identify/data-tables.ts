import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** collector/data/snmp, from src/snmp/identify and from dist/snmp/identify alike. */
export const DEFAULT_DATA_DIR = new URL('../../../data/snmp/', import.meta.url);
let dataDir = DEFAULT_DATA_DIR;
/** What to forget when the tables change: loaded tables, and caches built from them (compiled patterns). */
const forgetters: Array<() => void> = [];

/**
 * Identifies from the tables of another folder (a copy with rows added for gear not yet known);
 * without an argument, from the tables shipped with the collector.
 */
export function useIdentificationTables(dir: URL = DEFAULT_DATA_DIR): void {
  dataDir = new URL(dir.href.endsWith('/') ? dir.href : `${dir.href}/`);
  for (const forget of forgetters) forget();
}

export function onTablesChanged(forget: () => void): void {
  forgetters.push(forget);
}

/**
 * An object to read: a scalar's OID, or one with a pattern whose 'value' group is kept; with
 * firstRow, the OID is a table column and its first row is read (the row index differs per device).
 */
const oidSource = z.union([z.string(), z.object({
  oid: z.string(), pattern: z.string().optional(), firstRow: z.boolean().optional(),
  /**
   * The value as the maker's catalogue words it, '{value}' standing for what was read ("FortiAP {value}" from "FP231G");
   * without '{value}', what the object's answering shows (a table only one maker's firmware implements names that firmware).
   */
  template: z.string().optional(),
  /**
   * The OID is a suffix under the device's own sysObjectID: makers that give each product its own
   * copy of one MIB (W&T's article number at <sysObjectID>.3.3.6.0) are read by one row for all of them.
   */
  underSysObjectID: z.boolean().optional(),
}).refine((s) => !s.underSysObjectID || /^\d+(?:\.\d+)*$/.test(s.oid), { message: 'a suffix of numbers without a leading dot', path: ['oid'] })]);
export type OidSource = z.infer<typeof oidSource>;

const vendorOidEntry = z.object({
  enterprise: z.number().int().nonnegative().optional(),
  /** Narrows the entry to products whose sysObjectID starts with this OID. */
  sysObjectIDPrefix: z.string().regex(/^\d+(?:\.\d+)+$/).optional(),
  /** The objects state the device itself (the UPS, the server), not the card or agent answering for it: they win over sysDescr. */
  device: z.boolean().optional(),
  /** The maker as the device states it (UPS-MIB's upsIdentManufacturer), for gear whose sysObjectID names none. */
  vendor: z.array(oidSource).optional(),
  os: z.array(oidSource).optional(),
  model: z.array(oidSource).optional(),
  serial: z.array(oidSource).optional(),
  firmware: z.array(oidSource).optional(),
  osVersion: z.array(oidSource).optional(),
  hardwareRevision: z.array(oidSource).optional(),
});
export type VendorOidEntry = z.infer<typeof vendorOidEntry>;
export const VENDOR_OID_FIELDS = ['vendor', 'os', 'model', 'serial', 'firmware', 'osVersion', 'hardwareRevision'] as const;

const osRule = z.object({
  id: z.string(),
  sysDescr: z.string().optional(),
  sysObjectID: z.string().optional(),
  /** Names an installed package (hrSWInstalled) whose version is the operating system's. */
  package: z.string().optional(),
  /**
   * The part of that package's version that is the operating system's release: a regular expression
   * whose 'value' group is kept (a packaging revision, Debian's '-1', is no part of the release).
   */
  packageVersion: z.string().includes('(?<value>').optional(),
  flags: z.string().regex(/^[is]*$/).optional(),
  enterprise: z.number().int().optional(),
  set: z.record(z.string(), z.string()).optional(),
  /**
   * Fields this rule reads from a description that words them loosely (a lower-case platform code):
   * they rank below the maker's vendor objects, which state the same thing in full where present.
   */
  belowVendorObjects: z.array(z.enum(['model', 'serial'])).optional(),
  /** The version is written zero-padded to a fixed width (AIX's 06.01.0009.0300 for 6.1.9.300): each number loses its leading zeros. */
  zeroPaddedVersion: z.boolean().optional(),
});
export type OsRule = z.infer<typeof osRule>;

const vendorsFile = z.object({
  agentSoftware: z.array(z.number().int()),
  /** Enterprise numbers other makers' gear is known to report as its own (a chip maker's, a borrowed stack's). */
  borrowed: z.array(z.number().int()),
  vendors: z.record(z.string(), z.object({ name: z.string(), os: z.string().optional() })),
});
const registryFile = z.object({ source: z.string(), names: z.record(z.string(), z.string()) });

function load<T>(file: string, schema: z.ZodType<T>): () => T {
  let cached: T | undefined;
  onTablesChanged(() => (cached = undefined));
  return () => (cached ??= schema.parse(JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'))));
}

export const vendorTable = load('vendors.json', vendorsFile);
export const vendorOidTable = load('vendor-identity-oids.json', z.object({ entries: z.array(vendorOidEntry) }));
export const osRuleTable = load('os-patterns.json', z.object({ rules: z.array(osRule) }));
export const enterpriseRegistry = load('iana-enterprises.json', registryFile);
export const ouiRegistry = load('oui-vendors.json', registryFile);
/** sysObjectID (no leading dot) → the product its maker's product MIB registers there. */
export const productOidRegistry = load('product-oids.json', z.object({
  source: z.string(),
  // Thousands of rows: one pass over the values checks them in a fraction of a per-key schema's time.
  names: z.custom<Record<string, string>>((v) => typeof v === 'object' && v !== null && Object.values(v).every((n) => typeof n === 'string'),
    'names: an object of product names'),
}));
export const osFamilyTable = load('os-family-names.json', z.object({ families: z.record(z.string(), z.array(z.string())) }));
