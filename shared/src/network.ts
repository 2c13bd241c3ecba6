import { z } from 'zod';
import { pageQuery } from './api.js';
import {
  snmpAddress, snmpCommunityCredential, snmpDeviceIdentity, snmpEntity, snmpInterface, snmpPrinterSupply, snmpProbeResult,
  snmpProblem, snmpSweepOutcome, snmpSystem, snmpUsmCredential,
} from './snmp.js';
import { isoDateTime, text } from './text.js';

/*
 * Network discovery as the API speaks it: SNMP credential sets (their secrets are write-only),
 * sweeps, discovered network gear with its interfaces, neighbours and forwarding tables, where each
 * device sits on a switch, and the polling schedule shared by every collector.
 */

const credentialName = text(128).trim().min(1);

/** SNMPv3 needs its keys for the levels that use them; checked on what is finally stored. */
function requireV3Keys(c: { version: string; level?: string; authProtocol?: string; authKey?: string; privProtocol?: string; privKey?: string }, ctx: z.RefinementCtx): void {
  if (c.version !== '3') return;
  if (c.level !== 'noAuthNoPriv' && (!c.authProtocol || !c.authKey)) {
    ctx.addIssue({ code: 'custom', path: ['authKey'], message: `${c.level} needs authProtocol and authKey` });
  }
  if (c.level === 'authPriv' && (!c.privProtocol || !c.privKey)) {
    ctx.addIssue({ code: 'custom', path: ['privKey'], message: 'authPriv needs privProtocol and privKey' });
  }
}

const communityFields = snmpCommunityCredential.omit({ id: true }).extend({ name: credentialName });
const usmFields = snmpUsmCredential.omit({ id: true }).extend({ name: credentialName });

/** A new credential set: the community or keys are sealed when stored and never answered again. */
export const snmpCredentialSetInput = z.discriminatedUnion('version', [communityFields, usmFields]).superRefine(requireV3Keys);
export type SnmpCredentialSetInput = z.infer<typeof snmpCredentialSetInput>;

/**
 * A replacement of a credential set: secrets left out keep their stored value (a client never
 * holds them to send back); the result must still be complete.
 */
export const snmpCredentialSetUpdate = z.discriminatedUnion('version', [
  communityFields.extend({ community: communityFields.shape.community.optional() }),
  usmFields,
]);
export type SnmpCredentialSetUpdate = z.infer<typeof snmpCredentialSetUpdate>;

/** A credential set as answered: which secrets are set, never what they are. */
export const snmpCredentialSetView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Sweeps and polls try the sets in this order. */
  position: z.number().int(),
  version: z.enum(['1', '2c', '3']),
  user: z.string().optional(),
  level: snmpUsmCredential.shape.level.optional(),
  authProtocol: snmpUsmCredential.shape.authProtocol,
  privProtocol: snmpUsmCredential.shape.privProtocol,
  context: z.string().optional(),
  secrets: z.object({ community: z.boolean(), authKey: z.boolean(), privKey: z.boolean() }),
  /** Devices that answered to this set and are polled with it. */
  deviceCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type SnmpCredentialSetView = z.infer<typeof snmpCredentialSetView>;

export const snmpCredentialOrder = z.object({ ids: z.array(z.uuid()).min(1).max(1000) });

// ---------------------------------------------------------------- sweeps

export const sweepRequest = z.object({
  include: z.array(text(128).min(1)).min(1).max(1000),
  exclude: z.array(text(128).min(1)).max(1000).default([]),
  /** Credential sets to try, in this order; every stored set, in its order, when absent. */
  credentialIds: z.array(z.uuid()).min(1).max(100).optional(),
  port: z.number().int().min(1).max(65535).default(161),
  /** Addresses contacted at once. */
  concurrency: z.number().int().min(1).max(512).default(64),
  timeoutMs: z.number().int().min(100).max(30_000).default(2000),
  retries: z.number().int().min(0).max(5).default(1),
});
export type SweepRequest = z.infer<typeof sweepRequest>;

export const sweepStatus = z.enum(['running', 'finished', 'failed', 'cancelled', 'interrupted']);

/** One address that answered (or failed other than by silence), and the device it became. */
export const sweepResult = snmpSweepOutcome.extend({ deviceId: z.uuid().optional() });
export type SweepResult = z.infer<typeof sweepResult>;

export const sweepView = z.object({
  id: z.uuid(),
  status: sweepStatus,
  include: z.array(z.string()),
  exclude: z.array(z.string()),
  port: z.number().int(),
  credentialIds: z.array(z.uuid()),
  startedBy: z.string(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  /** Addresses the sweep covers, and how many are settled so far. */
  total: z.number().int(),
  done: z.number().int(),
  identified: z.number().int(),
  noResponse: z.number().int(),
  errors: z.number().int(),
  devicesCreated: z.number().int(),
  devicesUpdated: z.number().int(),
  error: z.string().nullable(),
  /** Addresses that answered or failed; silent ones are only counted. */
  results: z.array(sweepResult),
});
export type SweepView = z.infer<typeof sweepView>;

// ---------------------------------------------------------------- discoveries

/**
 * A probe made elsewhere (the `steward snmp probe --save` command) handed to the collector. The
 * credential it used may come along so the device can be polled; it is stored sealed, or matched to
 * an identical stored set.
 */
export const discoveryRequest = z.object({
  result: snmpProbeResult,
  credentialId: z.uuid().optional(),
  credential: snmpCredentialSetInput.optional(),
});
export type DiscoveryRequest = z.input<typeof discoveryRequest>;

export const discoveryAnswer = z.object({
  deviceId: z.uuid(),
  change: z.enum(['created', 'updated']),
  credentialId: z.uuid().nullable(),
});
export type DiscoveryAnswer = z.infer<typeof discoveryAnswer>;

// ---------------------------------------------------------------- discovered devices

export const networkDeviceListQuery = pageQuery.extend({
  /** Only devices that answered (true) or did not (false) at their last poll. */
  up: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  deviceType: text(64).optional(),
});
export type NetworkDeviceListQuery = z.infer<typeof networkDeviceListQuery>;

export const networkDeviceSummary = z.object({
  id: z.uuid(),
  hostname: z.string(),
  address: z.string(),
  port: z.number().int(),
  sysName: z.string().nullable(),
  sysObjectID: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  osName: z.string().nullable(),
  osVersion: z.string().nullable(),
  deviceType: z.string().nullable(),
  /** Whether it answered its last poll; null before the first. */
  up: z.boolean().nullable(),
  lastSeen: isoDateTime,
  lastPolledAt: isoDateTime.nullable(),
  nextPollAt: isoDateTime,
  pollIntervalSeconds: z.number().int(),
  interfaceCount: z.number().int(),
  neighbourCount: z.number().int(),
  forwardingCount: z.number().int(),
  softwareCount: z.number().int(),
});
export type NetworkDeviceSummary = z.infer<typeof networkDeviceSummary>;

export const networkDeviceList = z.object({ items: z.array(networkDeviceSummary), total: z.number().int() });
export type NetworkDeviceList = z.infer<typeof networkDeviceList>;

/** An interface with its rates from the last two polls (bits per second). */
export const networkInterfaceView = snmpInterface.extend({
  inBps: z.number().nullable(),
  outBps: z.number().nullable(),
  countersAt: isoDateTime.nullable(),
});

export const networkNeighbourView = z.object({
  protocol: z.enum(['lldp', 'cdp']),
  localIfIndex: z.number().int().nullable(),
  localPort: z.string().nullable(),
  remoteSysName: z.string().nullable(),
  remoteChassisId: z.string().nullable(),
  remotePortId: z.string().nullable(),
  remotePortDescr: z.string().nullable(),
  remotePlatform: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  /** The discovered device the neighbour is, when Steward knows it. */
  remoteDeviceId: z.uuid().nullable(),
});

/** What a switch learned on one of its ports, and the known devices those addresses belong to. */
export const switchPortView = z.object({
  ifIndex: z.number().int().nullable(),
  ifName: z.string().nullable(),
  bridgePort: z.number().int(),
  /** False for an uplink: a port with many addresses or a neighbour that is itself network gear. */
  edge: z.boolean(),
  macs: z.array(z.object({
    mac: z.string(),
    vlan: z.number().int().nullable(),
    deviceId: z.uuid().nullable(),
    hostname: z.string().nullable(),
  })),
});
export type SwitchPortView = z.infer<typeof switchPortView>;

/** One switch port where a device's MAC address was learned. */
export const switchPortSighting = z.object({
  switchId: z.uuid(),
  switchName: z.string(),
  ifIndex: z.number().int().nullable(),
  ifName: z.string().nullable(),
  bridgePort: z.number().int(),
  mac: z.string(),
  vlan: z.number().int().nullable(),
  edge: z.boolean(),
  macsOnPort: z.number().int(),
  seenAt: isoDateTime,
});
export type SwitchPortSighting = z.infer<typeof switchPortSighting>;

/** Where a device plugs in: the best sighting (an edge port with the fewest addresses) and all of them. */
export const switchPortLocation = z.object({
  deviceId: z.uuid(),
  location: switchPortSighting.nullable(),
  sightings: z.array(switchPortSighting),
});
export type SwitchPortLocation = z.infer<typeof switchPortLocation>;

export const networkDeviceDetail = networkDeviceSummary.extend({
  system: snmpSystem,
  identity: snmpDeviceIdentity,
  credentialId: z.uuid().nullable(),
  lastError: z.string().nullable(),
  problems: z.array(snmpProblem),
  interfaces: z.array(networkInterfaceView),
  addresses: z.array(snmpAddress),
  neighbours: z.array(networkNeighbourView),
  ports: z.array(switchPortView),
  supplies: z.array(snmpPrinterSupply),
  modules: z.array(snmpEntity),
  location: switchPortLocation,
});
export type NetworkDeviceDetail = z.infer<typeof networkDeviceDetail>;

export const networkDeviceUpdate = z.object({
  pollIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  credentialId: z.uuid().nullable().optional(),
  /** Poll now rather than at the next scheduled time. */
  pollNow: z.boolean().optional(),
});

// ---------------------------------------------------------------- polling

const pollingFields = {
  /** Interval given to newly discovered devices. */
  defaultIntervalSeconds: z.number().int().min(10).max(86_400),
  /** How long a claim on a device lasts: a collector that dies holds its devices this long at most. */
  leaseSeconds: z.number().int().min(2).max(3600),
  /** Devices one collector polls at once. */
  concurrency: z.number().int().min(1).max(256),
  /** Longest wait between two looks for due devices. */
  tickMs: z.number().int().min(50).max(60_000),
  timeoutMs: z.number().int().min(100).max(30_000),
  retries: z.number().int().min(0).max(5),
  /** Counter and reachability samples older than this are deleted. */
  retentionDays: z.number().int().min(1).max(3650),
};

/** How every collector polls: kept in the database, so all collectors of one Steward agree. */
export const pollingSettings = z.object({
  defaultIntervalSeconds: pollingFields.defaultIntervalSeconds.default(300),
  leaseSeconds: pollingFields.leaseSeconds.default(120),
  concurrency: pollingFields.concurrency.default(16),
  tickMs: pollingFields.tickMs.default(5000),
  timeoutMs: pollingFields.timeoutMs.default(2000),
  retries: pollingFields.retries.default(1),
  retentionDays: pollingFields.retentionDays.default(30),
});
export type PollingSettings = z.infer<typeof pollingSettings>;

/** A change of some settings; the others stay as they are. */
export const pollingSettingsUpdate = z.object(pollingFields).partial();

export const reachabilitySample = z.object({
  time: isoDateTime,
  up: z.boolean(),
  rttMs: z.number().nullable(),
  polledBy: z.string().nullable(),
});

export const networkDeviceSamplesQuery = z.object({
  since: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});

export const interfaceCounterSample = z.object({
  time: isoDateTime,
  ifIndex: z.number().int(),
  inOctets: z.string().nullable(),
  outOctets: z.string().nullable(),
  inBps: z.number().nullable(),
  outBps: z.number().nullable(),
  highCapacity: z.boolean(),
  operStatus: z.string().nullable(),
});

export const networkDeviceSamples = z.object({
  reachability: z.array(reachabilitySample),
  counters: z.array(interfaceCounterSample),
});
export type NetworkDeviceSamples = z.infer<typeof networkDeviceSamples>;
