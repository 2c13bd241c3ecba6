import { z } from 'zod';
import { hardwareInfo, osInfo, softwareEntry } from './protocol.js';
import { linkedAsset } from './asset-link.js';
import { isoDateTime, text } from './text.js';

export const databaseKind = z.enum(['embedded', 'postgres', 'timescaledb']);
export type DatabaseKind = z.infer<typeof databaseKind>;

export const healthAnswer = z.object({
  status: z.literal('ok'),
  database: databaseKind,
  version: z.string(),
});
export type HealthAnswer = z.infer<typeof healthAnswer>;

export const loginRequest = z.object({
  username: text(128).min(1),
  password: text(1024).min(1),
});
export const loginAnswer = z.object({ token: z.string(), expiresAt: isoDateTime });
export type LoginAnswer = z.infer<typeof loginAnswer>;

/** How people may sign in: always with a password, and through a provider when one is set up. */
export const signInMethods = z.object({ password: z.boolean(), sso: z.object({ name: z.string() }).nullable() });
export type SignInMethods = z.infer<typeof signInMethods>;
/** The one-time handoff the provider's return leaves in the dashboard's address, traded for a session. */
export const ssoHandoffRequest = z.object({ handoff: z.string().min(1).max(256) });

/** Query of a paginated list: limits are bounded so no client can ask for the whole table at once. */
export const pageQuery = z.object({
  search: text(256).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const deviceSort = z.enum(['hostname', 'lastSeen', 'softwareCount', 'os']);
export const deviceListQuery = pageQuery.extend({
  kind: z.enum(['agent', 'snmp', 'ssh']).optional(),
  sort: deviceSort.default('hostname'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type DeviceListQuery = z.infer<typeof deviceListQuery>;
/** The devices a list query finds, all of them, for a spreadsheet. */
export const deviceExportQuery = deviceListQuery.omit({ limit: true, offset: true });

export const deviceSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['agent', 'snmp', 'ssh']),
  hostname: z.string(),
  fqdn: z.string().nullable(),
  serialNumber: z.string().nullable(),
  hardwareUuid: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  osName: z.string().nullable(),
  osVersion: z.string().nullable(),
  macAddresses: z.array(z.string()),
  softwareCount: z.number().int(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  online: z.boolean(),
  /** The agent reporting this device, when it has one (for commands such as collect-now). */
  agentId: z.uuid().nullable().optional(),
  /** The register asset this device is linked to. */
  asset: linkedAsset.nullable().optional(),
});
export type DeviceSummary = z.infer<typeof deviceSummary>;

export const deviceList = z.object({ items: z.array(deviceSummary), total: z.number().int() });
export type DeviceList = z.infer<typeof deviceList>;

export const deviceDetail = deviceSummary.extend({
  hardware: hardwareInfo.nullable(),
  os: osInfo.nullable(),
  software: z.array(softwareEntry),
  lastReportId: z.uuid().nullable(),
  lastCollectedAt: isoDateTime.nullable(),
  /** The agent reporting the device: its version, last word, address and how far its clock is off. */
  agent: z.object({
    version: z.string(),
    platform: z.string(),
    lastSeenAt: isoDateTime.nullable(),
    lastAddress: z.string().nullable(),
    clockSkewSeconds: z.number().nullable(),
  }).nullable().optional(),
});
export type DeviceDetail = z.infer<typeof deviceDetail>;

/** The body of every error answer: a code a program can test and messages a person can read. */
export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof apiError>;

/** Who the session belongs to. */
export const meAnswer = z.object({ username: z.string(), role: z.enum(['admin', 'itadmin', 'compliance', 'helpdesk', 'auditor']) });
export type MeAnswer = z.infer<typeof meAnswer>;

/** Exact estate-wide figures for the overview, whatever the estate's size. */
export const deviceStatistics = z.object({
  total: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  byOs: z.array(z.object({ os: z.string(), devices: z.number().int() })),
  agentsOnline: z.number().int(),
  agentsTotal: z.number().int(),
  softwareInstalls: z.number().int(),
  seenLast24h: z.number().int(),
});
export type DeviceStatistics = z.infer<typeof deviceStatistics>;
