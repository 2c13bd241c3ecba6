import { z } from 'zod';
import { softwareEntry } from './protocol.js';
import { isoDateTime, macAddress, optionalText, text } from './text.js';

const count = z.number().int().nonnegative();
const index = z.number().int().nonnegative();

/** One way of speaking to SNMP agents; a discovery tries its sets in order and remembers which one answered. */
export const snmpCommunityCredential = z.object({
  id: text(128).min(1),
  version: z.enum(['1', '2c']),
  community: text(256).min(1),
});

export const snmpUsmCredential = z.object({
  id: text(128).min(1),
  version: z.literal('3'),
  user: text(64).min(1),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).optional(),
  authKey: optionalText(256),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).optional(),
  privKey: optionalText(256),
  context: optionalText(64),
});

export const snmpCredential = z
  .discriminatedUnion('version', [snmpCommunityCredential, snmpUsmCredential])
  .superRefine((c, ctx) => {
    if (c.version !== '3') return;
    if (c.level !== 'noAuthNoPriv' && (!c.authProtocol || !c.authKey)) {
      ctx.addIssue({ code: 'custom', path: ['authKey'], message: `${c.level} needs authProtocol and authKey` });
    }
    if (c.level === 'authPriv' && (!c.privProtocol || !c.privKey)) {
      ctx.addIssue({ code: 'custom', path: ['privKey'], message: 'authPriv needs privProtocol and privKey' });
    }
  });
export type SnmpCredential = z.infer<typeof snmpCredential>;

export const snmpTarget = z.object({
  host: text(255).min(1),
  port: z.number().int().min(1).max(65535).default(161),
});
export type SnmpTarget = z.infer<typeof snmpTarget>;

/** The system group (SNMPv2-MIB) as the agent states it. */
export const snmpSystem = z.object({
  sysDescr: optionalText(4096),
  sysObjectID: optionalText(512),
  sysName: optionalText(255),
  sysContact: optionalText(255),
  sysLocation: optionalText(255),
  /** Hundredths of a second since the agent (re)started. */
  sysUpTime: count.optional(),
  sysServices: count.optional(),
});
export type SnmpSystem = z.infer<typeof snmpSystem>;

/** Where an identification field was read, so a reader can weigh it. */
export const snmpIdentitySource = z.enum([
  'sysObjectID', 'enterprise-subtree', 'mac-oui', 'entity-mib', 'vendor-oid', 'sysDescr', 'host-resources', 'printer-mib',
]);

export const snmpDeviceIdentity = z.object({
  /** Display name of the maker. */
  vendor: optionalText(256),
  vendorSource: snmpIdentitySource.optional(),
  /** IANA private enterprise number named by sysObjectID, and its registered name. */
  enterprise: z.object({ number: index, name: text(512) }).optional(),
  model: optionalText(256),
  modelSource: snmpIdentitySource.optional(),
  serial: optionalText(128),
  serialSource: snmpIdentitySource.optional(),
  os: optionalText(128),
  osVersion: optionalText(128),
  osSource: snmpIdentitySource.optional(),
  /** The kernel an appliance's OS is built on (Linux, FreeBSD...), kept apart from the product OS. */
  kernel: optionalText(64),
  kernelVersion: optionalText(128),
  firmware: optionalText(128),
  hardwareRevision: optionalText(128),
  /** printer, switch, router, ups... when a data table or a MIB says so. */
  deviceType: optionalText(64),
});
export type SnmpDeviceIdentity = z.infer<typeof snmpDeviceIdentity>;

export const snmpInterface = z.object({
  ifIndex: index,
  name: optionalText(255),
  descr: optionalText(255),
  alias: optionalText(255),
  /** IANAifType number (6 ethernetCsmacd, 24 softwareLoopback, ...). */
  type: count.optional(),
  mtu: count.optional(),
  /** Bits per second; ifHighSpeed wins over a saturated ifSpeed. */
  speedBps: count.optional(),
  mac: macAddress.optional(),
  adminStatus: z.enum(['up', 'down', 'testing']).optional(),
  operStatus: z.enum(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']).optional(),
});
export type SnmpInterface = z.infer<typeof snmpInterface>;

export const snmpAddress = z.object({
  family: z.enum(['ipv4', 'ipv6']),
  address: text(64),
  prefixLength: z.number().int().min(0).max(128).optional(),
  ifIndex: index.optional(),
});
export type SnmpAddress = z.infer<typeof snmpAddress>;

export const snmpStorage = z.object({
  index,
  /** ram, virtualMemory, fixedDisk, removableDisk, floppyDisk, compactDisc, ramDisk, flashMemory, networkDisk, other */
  type: text(32),
  descr: optionalText(255),
  sizeBytes: z.number().nonnegative().optional(),
  usedBytes: z.number().nonnegative().optional(),
});
export type SnmpStorage = z.infer<typeof snmpStorage>;

export const snmpHostDevice = z.object({
  index,
  /** processor, network, printer, diskStorage, video, audio, coprocessor, keyboard, modem, parallelPort, pointing, serialPort, tape, clock, volatileMemory, nonVolatileMemory, other */
  type: text(32),
  descr: optionalText(255),
  status: z.enum(['unknown', 'running', 'warning', 'testing', 'down']).optional(),
});
export type SnmpHostDevice = z.infer<typeof snmpHostDevice>;

/** PhysicalClass of ENTITY-MIB, with the values RFC 6933 added (energyObject, battery, storageDrive). */
export const snmpEntityClass = z.enum([
  'other', 'unknown', 'chassis', 'backplane', 'container', 'powerSupply', 'fan', 'sensor', 'module', 'port', 'stack', 'cpu',
  'energyObject', 'battery', 'storageDrive',
]);

/** One row of ENTITY-MIB entPhysicalTable: chassis, modules, power supplies, transceivers... */
export const snmpEntity = z.object({
  index,
  class: snmpEntityClass.optional(),
  descr: optionalText(255),
  name: optionalText(255),
  model: optionalText(255),
  serial: optionalText(128),
  hardwareRev: optionalText(128),
  firmwareRev: optionalText(128),
  softwareRev: optionalText(128),
  manufacturer: optionalText(255),
  containedIn: index.optional(),
  isFru: z.boolean().optional(),
});
export type SnmpEntity = z.infer<typeof snmpEntity>;

export const snmpNeighbour = z.object({
  protocol: z.enum(['lldp', 'cdp']),
  localIfIndex: index.optional(),
  localPort: optionalText(255),
  remoteChassisId: optionalText(255),
  remotePortId: optionalText(255),
  remotePortDescr: optionalText(255),
  remoteSysName: optionalText(255),
  remoteSysDescr: optionalText(1024),
  remotePlatform: optionalText(255),
  remoteAddress: optionalText(64),
});
export type SnmpNeighbour = z.infer<typeof snmpNeighbour>;

/** A learned MAC address on a bridge port (BRIDGE-MIB dot1dTpFdbTable or Q-BRIDGE-MIB dot1qTpFdbTable). */
export const snmpForwardingEntry = z.object({
  source: z.enum(['dot1d', 'dot1q']),
  mac: macAddress,
  bridgePort: index,
  ifIndex: index.optional(),
  ifName: optionalText(255),
  /** Q-BRIDGE filtering database id, which is the VLAN on most switches. */
  fdbId: index.optional(),
  status: z.enum(['other', 'invalid', 'learned', 'self', 'mgmt']).optional(),
});
export type SnmpForwardingEntry = z.infer<typeof snmpForwardingEntry>;

export const snmpPrinterSupply = z.object({
  index: text(64),
  description: optionalText(255),
  /** Printer-MIB PrtMarkerSuppliesTypeTC name: toner, ink, drum, wasteToner, fuser... */
  type: optionalText(64),
  unit: optionalText(64),
  maxCapacity: z.number().int().optional(),
  /** -1 other, -2 unknown, -3 "some remaining", as Printer-MIB defines them. */
  level: z.number().int().optional(),
  percent: z.number().min(0).max(100).optional(),
});
export type SnmpPrinterSupply = z.infer<typeof snmpPrinterSupply>;

export const snmpPrinter = z.object({
  pageCount: count.optional(),
  markers: z.array(z.object({ index: text(64), lifeCount: count.optional(), unit: optionalText(32) })).max(64),
  supplies: z.array(snmpPrinterSupply).max(256),
});
export type SnmpPrinter = z.infer<typeof snmpPrinter>;

/**
 * Something that went wrong with one device while the rest of its answers were kept.
 * 'oid-out-of-order' alone is a warning: the agent listed a table out of order, without repeating
 * itself, and the walk went on to the end of the table.
 */
export const snmpProblem = z.object({
  phase: text(128),
  code: z.enum([
    'timeout', 'auth', 'oid-not-increasing', 'oid-out-of-order', 'row-limit', 'byte-limit', 'time-limit', 'wrong-type',
    'value-too-long', 'request-failed', 'invalid-response', 'socket',
  ]),
  message: text(1024),
});
export type SnmpProblem = z.infer<typeof snmpProblem>;

export const snmpWalkReport = z.object({
  name: text(64),
  rows: count,
  requests: count,
  durationMs: z.number().nonnegative(),
  complete: z.boolean(),
});

/** Everything one probe learned from a device. */
export const snmpProbeResult = z.object({
  target: snmpTarget,
  credentialId: text(128),
  version: z.enum(['1', '2c', '3']),
  probedAt: isoDateTime,
  durationMs: z.number().nonnegative(),
  system: snmpSystem,
  identity: snmpDeviceIdentity,
  interfaces: z.array(snmpInterface).max(100_000),
  addresses: z.array(snmpAddress).max(100_000),
  software: z.array(softwareEntry).max(100_000),
  storage: z.array(snmpStorage).max(10_000),
  hostDevices: z.array(snmpHostDevice).max(10_000),
  entities: z.array(snmpEntity).max(100_000),
  neighbours: z.array(snmpNeighbour).max(100_000),
  forwarding: z.array(snmpForwardingEntry).max(1_000_000),
  printer: snmpPrinter.optional(),
  walks: z.array(snmpWalkReport).max(256),
  problems: z.array(snmpProblem).max(1000),
});
export type SnmpProbeResult = z.infer<typeof snmpProbeResult>;

/** One interface's counters at one instant, as polled. Counters are bigint-free decimal strings. */
export const snmpInterfaceCounters = z.object({
  ifIndex: index,
  inOctets: text(24).optional(),
  outOctets: text(24).optional(),
  inPackets: text(24).optional(),
  outPackets: text(24).optional(),
  inErrors: text(24).optional(),
  outErrors: text(24).optional(),
  inDiscards: text(24).optional(),
  outDiscards: text(24).optional(),
  /** true when the octet counters are the 64-bit ifHC ones. */
  highCapacity: z.boolean(),
  operStatus: snmpInterface.shape.operStatus,
});
export type SnmpInterfaceCounters = z.infer<typeof snmpInterfaceCounters>;

export const snmpPollSample = z.object({
  target: snmpTarget,
  takenAt: isoDateTime,
  sysUpTime: count.optional(),
  interfaces: z.array(snmpInterfaceCounters).max(100_000),
});
export type SnmpPollSample = z.infer<typeof snmpPollSample>;

/** Outcome of one address of a discovery sweep. */
export const snmpSweepOutcome = z.object({
  host: text(255),
  port: z.number().int().min(1).max(65535),
  status: z.enum(['identified', 'no-response', 'error']),
  credentialId: optionalText(128),
  sysObjectID: optionalText(512),
  sysDescr: optionalText(4096),
  sysName: optionalText(255),
  error: snmpProblem.optional(),
  durationMs: z.number().nonnegative(),
});
export type SnmpSweepOutcome = z.infer<typeof snmpSweepOutcome>;
