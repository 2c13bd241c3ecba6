import { z } from 'zod';
import { isoDateTime, macAddress, optionalText, text } from './text.js';

/** Version of the agent ↔ collector protocol; bumped only on incompatible changes. */
export const PROTOCOL_VERSION = 1;

/** Where an installed-software entry was read from. */
export const softwareSource = z.enum([
  'dpkg', 'rpm', 'apk', 'pacman', 'snap', 'flatpak', 'nix',
  'msi', 'registry', 'msix', 'app-bundle', 'pkgutil', 'homebrew',
  'hrSWInstalled', 'other',
]);
export type SoftwareSource = z.infer<typeof softwareSource>;

export const softwareEntry = z.object({
  name: text(512).min(1),
  version: optionalText(256),
  publisher: optionalText(512),
  /** Install date as the source states it, normalised to YYYY-MM-DD when it can be. */
  installDate: optionalText(64),
  source: softwareSource,
  arch: optionalText(64),
  installLocation: optionalText(2048),
  /** MSI product code, bundle id, package id: whatever identifies the install at its source. */
  productCode: optionalText(256),
  /** True for Windows entries marked SystemComponent: parts of a product that Programs and Features hides. */
  systemComponent: z.boolean().optional(),
  /** Licence state, where the platform tells it (Windows and Office activation). */
  licence: z.object({
    /** Product ID as the vendor shows it, e.g. 00339-10000-00000-AA680. */
    productId: optionalText(128),
    /** The last group of the product key only: enough to match a licence, never the whole key. */
    partialProductKey: optionalText(16),
    /** unlicensed, licensed, oob-grace, oot-grace, non-genuine-grace, notification, extended-grace. */
    status: optionalText(32),
    /** Retail, OEM, Volume:GVLK, Volume:MAK... */
    channel: optionalText(64),
    trial: z.boolean().optional(),
  }).optional(),
});
export type SoftwareEntry = z.infer<typeof softwareEntry>;

export const deviceIdentity = z.object({
  hostname: text(255).min(1),
  fqdn: optionalText(255),
  hardwareUuid: optionalText(64),
  serialNumber: optionalText(128),
  macAddresses: z.array(macAddress).max(512).default([]),
});
export type DeviceIdentity = z.infer<typeof deviceIdentity>;

const count = z.number().int().nonnegative();
const bytes = z.number().nonnegative();

export const hardwareInfo = z.object({
  system: z.object({
    manufacturer: optionalText(256),
    model: optionalText(256),
    serial: optionalText(128),
    uuid: optionalText(64),
    sku: optionalText(128),
    virtual: z.boolean().optional(),
    virtualHost: optionalText(128),
  }).default({}),
  bios: z.object({
    vendor: optionalText(256),
    version: optionalText(128),
    releaseDate: optionalText(64),
  }).default({}),
  baseboard: z.object({
    manufacturer: optionalText(256),
    model: optionalText(256),
    serial: optionalText(128),
  }).optional(),
  chassis: z.object({
    type: optionalText(64),
    manufacturer: optionalText(256),
    serial: optionalText(128),
  }).optional(),
  cpu: z.object({
    manufacturer: optionalText(128),
    brand: optionalText(256),
    sockets: count.optional(),
    cores: count.optional(),
    threads: count.optional(),
    speedGHz: z.number().nonnegative().optional(),
  }).default({}),
  memory: z.object({
    totalBytes: bytes.optional(),
    modules: z.array(z.object({
      slot: optionalText(128),
      sizeBytes: bytes.optional(),
      type: optionalText(64),
      speedMHz: z.number().nonnegative().optional(),
      manufacturer: optionalText(128),
      serial: optionalText(128),
      partNumber: optionalText(128),
    })).max(256).default([]),
  }).default({ modules: [] }),
  disks: z.array(z.object({
    name: optionalText(256),
    model: optionalText(256),
    serial: optionalText(128),
    sizeBytes: bytes.optional(),
    type: optionalText(64),
    interface: optionalText(64),
    smartStatus: optionalText(64),
  })).max(1024).default([]),
  networkInterfaces: z.array(z.object({
    name: text(256),
    mac: macAddress.optional(),
    ipv4: z.array(text(64)).max(256).default([]),
    ipv6: z.array(text(128)).max(256).default([]),
    speedMbps: z.number().nonnegative().optional(),
    virtual: z.boolean().optional(),
    type: optionalText(64),
  })).max(1024).default([]),
  gpus: z.array(z.object({
    vendor: optionalText(256),
    model: optionalText(256),
    vramBytes: bytes.optional(),
  })).max(64).default([]),
  /** What the operating system runs on: bare metal, a virtual machine, or a container. */
  virtualization: z.object({
    role: z.enum(['physical', 'vm', 'container']),
    /** kvm, vmware, microsoft, docker, lxc... as the platform names it. */
    technology: optionalText(64),
  }).optional(),
  monitors: z.array(z.object({
    manufacturer: optionalText(128),
    model: optionalText(256),
    serial: optionalText(128),
    manufactureYear: z.number().int().optional(),
    widthMm: z.number().nonnegative().optional(),
    heightMm: z.number().nonnegative().optional(),
    connector: optionalText(64),
  })).max(64).optional(),
  batteries: z.array(z.object({
    name: optionalText(128),
    manufacturer: optionalText(128),
    model: optionalText(128),
    serial: optionalText(128),
    chemistry: optionalText(64),
    designCapacityWh: z.number().nonnegative().optional(),
    fullChargeCapacityWh: z.number().nonnegative().optional(),
    cycleCount: count.optional(),
    status: optionalText(64),
  })).max(16).optional(),
});
export type HardwareInfo = z.infer<typeof hardwareInfo>;

export const osInfo = z.object({
  platform: z.enum(['linux', 'windows', 'macos', 'freebsd', 'other']),
  name: text(256),
  version: optionalText(128),
  build: optionalText(128),
  kernel: optionalText(256),
  arch: optionalText(64),
  installDate: optionalText(64),
  domain: optionalText(256),
  uptimeSeconds: z.number().nonnegative().optional(),
  /** Windows product ID of the installed system. */
  productId: optionalText(128),
  /** Activation state of the operating system, where the platform tells it. */
  licence: z.object({
    name: optionalText(256),
    partialProductKey: optionalText(16),
    status: optionalText(32),
    channel: optionalText(64),
  }).optional(),
  /** Installed operating system updates (Windows hotfixes). */
  hotfixes: z.array(z.object({
    id: text(64),
    description: optionalText(256),
    installedOn: optionalText(64),
  })).max(10_000).optional(),
  users: z.object({
    /** Users with a session now, as DOMAIN\name or name. */
    loggedOn: z.array(text(256)).max(1024).optional(),
    lastLoggedOn: optionalText(256),
    local: z.array(z.object({
      name: text(256),
      /** uid on Unix, SID on Windows. */
      id: optionalText(128),
      fullName: optionalText(256),
      disabled: z.boolean().optional(),
    })).max(4096).optional(),
  }).optional(),
  security: z.object({
    firewall: z.object({ enabled: z.boolean().optional(), product: optionalText(128) }).optional(),
    /** Encrypted (or encryptable) volumes and whether their protection is on. */
    diskEncryption: z.array(z.object({
      volume: text(256),
      method: optionalText(64),
      protected: z.boolean().optional(),
      status: optionalText(64),
    })).max(256).optional(),
    antivirus: z.array(z.object({
      name: text(256),
      enabled: z.boolean().optional(),
      upToDate: z.boolean().optional(),
    })).max(32).optional(),
    /** A reboot the system asks for to finish installing updates. */
    rebootRequired: z.boolean().optional(),
  }).optional(),
});
export type OsInfo = z.infer<typeof osInfo>;

/** The most software entries one report may carry; far above any real machine. */
export const MAX_SOFTWARE_ENTRIES = 100_000;

export const inventoryReport = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  kind: z.literal('full'),
  reportId: z.uuid(),
  agentId: z.uuid(),
  agentVersion: text(64),
  collectedAt: isoDateTime,
  identity: deviceIdentity,
  hardware: hardwareInfo,
  os: osInfo,
  software: z.array(softwareEntry).max(MAX_SOFTWARE_ENTRIES),
});
export type InventoryReport = z.infer<typeof inventoryReport>;
/** A report as a producer writes it, before defaults are applied. */
export type InventoryReportInput = z.input<typeof inventoryReport>;

export const reportAnswer = z.object({
  reportId: z.uuid(),
  deviceId: z.uuid(),
  /** True when this report id had already been stored: the agent may forget it. */
  duplicate: z.boolean(),
  softwareCount: count,
});
export type ReportAnswer = z.infer<typeof reportAnswer>;

export const enrollRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  secret: text(512).min(1),
  hostname: text(255).min(1),
  hardwareUuid: optionalText(64),
  agentVersion: text(64),
  platform: osInfo.shape.platform,
});
export type EnrollRequest = z.infer<typeof enrollRequest>;

export const enrollAnswer = z.object({
  agentId: z.uuid(),
  /** Shown once: the collector keeps only its hash. */
  token: text(256),
  /** Seconds between full collections the collector asks for. */
  reportIntervalSeconds: z.number().int().positive(),
  heartbeatIntervalSeconds: z.number().int().positive(),
});
export type EnrollAnswer = z.infer<typeof enrollAnswer>;

/** Messages an agent sends on the WebSocket channel. */
export const agentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heartbeat'),
    sentAt: isoDateTime,
    uptimeSeconds: z.number().nonnegative().optional(),
    cpuLoadPercent: z.number().min(0).max(100).optional(),
  }),
]);
export type AgentMessage = z.infer<typeof agentMessage>;

/** Messages the collector sends to an agent on the WebSocket channel. */
export const collectorMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collect-now'), reason: optionalText(256) }),
  z.object({ type: z.literal('heartbeat-ack'), serverTime: isoDateTime }),
]);
export type CollectorMessage = z.infer<typeof collectorMessage>;
