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
  /** The operating system install's own id (/etc/machine-id, MachineGuid, IOPlatformUUID's OS twin): new on a reimage, copied by a clone. */
  machineId: optionalText(128),
});
export type DeviceIdentity = z.infer<typeof deviceIdentity>;

const count = z.number().int().nonnegative();
const bytes = z.number().nonnegative();

export const filesystem = z.object({
  /** Where it is mounted: /, /home, C:, /Volumes/Data. */
  mountPoint: text(2048),
  /** ext4, xfs, btrfs, NTFS, APFS, nfs4... as the system names it. */
  type: optionalText(64),
  sizeBytes: bytes.optional(),
  /** Space an ordinary user can still write (what df shows as available). */
  freeBytes: bytes.optional(),
  /** The device or source it is mounted from: /dev/sda1, disk3s1, server:/export. */
  device: optionalText(1024),
  label: optionalText(256),
  /** Filesystem UUID or Windows volume serial number, where known. */
  uuid: optionalText(128),
});
export type Filesystem = z.infer<typeof filesystem>;

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
    /** How the firmware started the system: UEFI or legacy BIOS. */
    bootMode: z.enum(['uefi', 'bios']).optional(),
    /** UEFI Secure Boot on or off, where the firmware tells it. */
    secureBoot: z.boolean().optional(),
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
    /** The instruction set the processor runs, named as uname -m names it: x86_64, i686, arm64, armv7l, riscv64... */
    arch: optionalText(32),
    sockets: count.optional(),
    cores: count.optional(),
    threads: count.optional(),
    speedGHz: z.number().nonnegative().optional(),
    /** x86 family, model and stepping numbers, as /proc/cpuinfo and CPUID tell them. */
    family: count.optional(),
    model: count.optional(),
    stepping: count.optional(),
    /** Microcode revision loaded, e.g. 0x1000065: what a security advisory asks about. */
    microcode: optionalText(32),
    /** x86-64 microarchitecture level the processor reaches (x86-64-v1 to v4): which OS releases can run on it. */
    isaLevel: optionalText(16),
    /** Whether the processor offers hardware virtualisation (VT-x, AMD-V) to this system. */
    virtualizationSupport: z.boolean().optional(),
    /** Cache sizes of one core's view: L1 data and instruction, L2 and L3 (L3 is usually shared). */
    cache: z.object({
      l1dBytes: bytes.optional(),
      l1iBytes: bytes.optional(),
      l2Bytes: bytes.optional(),
      l3Bytes: bytes.optional(),
    }).optional(),
  }).default({}),
  memory: z.object({
    totalBytes: bytes.optional(),
    swapBytes: bytes.optional(),
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
    /** The kernel driver bound to the device. */
    driver: optionalText(128),
    /** up, down, dormant...: the link's operational state. */
    status: optionalText(32),
    mtu: count.optional(),
    /** The networks the interface's addresses belong to, in CIDR notation (192.0.2.0/24, fd00::/64). */
    subnets: z.array(text(64)).max(256).optional(),
    /** Default gateways reached through this interface, IPv4 and IPv6. */
    gateways: z.array(text(64)).max(16).optional(),
    /** full or half, where the link reports it. */
    duplex: optionalText(16),
    /** What makes a virtual interface virtual: loopback, bridge, veth, tun, tap, vlan, bond, docker, ifb, wireguard... */
    virtualKind: optionalText(32),
  })).max(1024).default([]),
  /** Mounted filesystems holding data (volumes on Windows); memory and kernel pseudo filesystems are left out. */
  filesystems: z.array(filesystem).max(1024).optional(),
  gpus: z.array(z.object({
    vendor: optionalText(256),
    model: optionalText(256),
    vramBytes: bytes.optional(),
  })).max(64).default([]),
  /** PCI devices: bridges, storage, network and other controllers. */
  controllers: z.array(z.object({
    name: optionalText(256),
    manufacturer: optionalText(256),
    /** The class (or subclass) name: Host bridge, Ethernet controller... */
    type: optionalText(128),
    /** Class and subclass in hex, e.g. 0200. */
    pciClass: optionalText(8),
    /** Domain:bus:device.function. */
    slot: optionalText(32),
    vendorId: optionalText(8),
    productId: optionalText(8),
    /** Subsystem vendor:device, when the card names one. */
    subsystemId: optionalText(16),
    revision: optionalText(8),
    driver: optionalText(128),
  })).max(1024).optional(),
  /** Devices on the USB buses, hubs included. */
  usbDevices: z.array(z.object({
    name: optionalText(256),
    manufacturer: optionalText(256),
    vendorId: optionalText(8),
    productId: optionalText(8),
    serial: optionalText(128),
    /** The device class as the device states it: Hub, Human Interface Device, Mass Storage... */
    class: optionalText(64),
    /** Bus and port path, e.g. 1-1.2. */
    port: optionalText(32),
    speedMbps: z.number().nonnegative().optional(),
  })).max(512).optional(),
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
  /** The release down to its point release: Debian 12.11, Ubuntu 22.04.4, Rocky 9.4, Windows 10.0.19045.3803, macOS 14.5. */
  version: optionalText(128),
  build: optionalText(128),
  /** The release's marketing name where the OS gives one apart from its number: Windows 22H2, Ubuntu "Jammy Jellyfish". */
  displayVersion: optionalText(64),
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
    /** Local groups that have members: where administrative rights (sudo, wheel, Administrators) are given. */
    groups: z.array(z.object({
      name: text(256),
      /** gid on Unix, SID on Windows. */
      id: optionalText(128),
      members: z.array(text(256)).max(4096).default([]),
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

/** A SHA-256 in lower-case hex: names the inventory content a report describes (see inventoryContentHashInput). */
export const contentHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

/** How deep a delta's merge patch may nest: the report sections themselves nest four levels at most. */
export const MAX_PATCH_DEPTH = 16;

function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit <= 0) return Infinity;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit - 1));
  return deepest + 1;
}

/**
 * An RFC 7396 JSON merge patch of one report section: objects merge key by key, null removes a
 * key, anything else (arrays included) replaces. The collector validates the patched section with
 * the section's own schema, so the patch itself is only bounded here.
 */
const sectionPatch = z.record(z.string(), z.unknown()).refine((patch) => depthOf(patch, MAX_PATCH_DEPTH + 1) <= MAX_PATCH_DEPTH, {
  message: `must not nest deeper than ${MAX_PATCH_DEPTH} levels`,
});

/**
 * What changed since the content the collector acknowledged (baseHash). The collector applies it
 * only when it still holds exactly that content, and checks that the result is `hash`; otherwise it
 * answers 409 resync_required and the agent sends a full report. Software moves as whole entries:
 * an upgrade is the old entry removed and the new one added.
 */
export const inventoryDelta = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  kind: z.literal('delta'),
  reportId: z.uuid(),
  agentId: z.uuid(),
  agentVersion: text(64),
  collectedAt: isoDateTime,
  baseHash: contentHash,
  hash: contentHash,
  /** The whole identity, when any of it changed. */
  identity: deviceIdentity.optional(),
  hardware: sectionPatch.optional(),
  os: sectionPatch.optional(),
  software: z.object({
    added: z.array(softwareEntry).max(MAX_SOFTWARE_ENTRIES).default([]),
    removed: z.array(softwareEntry).max(MAX_SOFTWARE_ENTRIES).default([]),
  }).optional(),
});
export type InventoryDelta = z.infer<typeof inventoryDelta>;
export type InventoryDeltaInput = z.input<typeof inventoryDelta>;

/** Either kind of report an agent posts. */
export const agentReport = z.discriminatedUnion('kind', [inventoryReport, inventoryDelta]);
export type AgentReport = z.infer<typeof agentReport>;

/** The error code of a 409 answer to a delta the collector cannot apply: send a full report instead. */
export const RESYNC_REQUIRED = 'resync_required';

export const reportAnswer = z.object({
  reportId: z.uuid(),
  deviceId: z.uuid(),
  /** True when this report id had already been stored: the agent may forget it. */
  duplicate: z.boolean(),
  softwareCount: count,
  /** The content hash the collector now holds for the device: the base of the agent's next delta. */
  contentHash: contentHash.optional(),
});
export type ReportAnswer = z.infer<typeof reportAnswer>;

export const enrollRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  secret: text(512).min(1),
  hostname: text(255).min(1),
  hardwareUuid: optionalText(64),
  /** More of the machine's identity, so a revoked machine is recognised before it reports. */
  serialNumber: optionalText(128),
  macAddresses: z.array(macAddress).max(512).optional(),
  machineId: optionalText(128),
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
  /** Collect now and send a full report, whatever the agent believes the collector holds. */
  z.object({ type: z.literal('resync'), reason: optionalText(256) }),
  z.object({
    type: z.literal('heartbeat-ack'),
    serverTime: isoDateTime,
    /** Seconds between heartbeats the collector asks for from now on. */
    heartbeatIntervalSeconds: z.number().int().positive().optional(),
    /** If the channel drops, reconnect after a random wait up to this many seconds (the collector's estimate of its restart crowd). */
    reconnectSpreadSeconds: z.number().int().nonnegative().optional(),
  }),
]);
export type CollectorMessage = z.infer<typeof collectorMessage>;

/** The parts of a report that describe the machine, as opposed to the report itself. */
export type InventoryContent = Pick<InventoryReport, 'identity' | 'hardware' | 'os' | 'software'>;

/** OS fields that change at every collection without anything having changed: sent, never hashed. */
export const VOLATILE_OS_FIELDS = ['uptimeSeconds'] as const;

/**
 * JSON with object keys sorted and undefined members left out, so that equal content always reads
 * the same whichever side built it and in whatever order (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** What the software digest hashes: every entry in canonical form, sorted, one a line (a multiset: order never matters). */
export function softwareDigestInput(software: readonly SoftwareEntry[]): string {
  return software.map(canonicalJson).sort().join('\n');
}

/**
 * What the content hash hashes: identity, hardware and OS (less its volatile fields) in canonical
 * form, with the software list represented by its digest so the collector can keep that digest
 * instead of re-reading every entry when only the hardware moved.
 */
export function inventoryContentHashInput(content: Omit<InventoryContent, 'software'>, softwareDigest: string): string {
  const os: Record<string, unknown> = { ...content.os };
  for (const field of VOLATILE_OS_FIELDS) delete os[field];
  return canonicalJson({ identity: content.identity, hardware: content.hardware, os, softwareDigest });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** RFC 7396: applies a merge patch to a JSON value, returning a new value (the target is not changed). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/**
 * The smallest RFC 7396 merge patch that turns `before` into `after` (both objects), or undefined
 * when they are equal. Arrays are replaced whole; undefined members count as absent.
 */
export function createMergePatch(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[key];
    if (isPlainObject(old) && isPlainObject(value)) {
      const nested = createMergePatch(old, value);
      if (nested) patch[key] = nested;
    } else if (old === undefined || canonicalJson(old) !== canonicalJson(value)) {
      patch[key] = value;
    }
  }
  for (const [key, value] of Object.entries(before)) if (value !== undefined && after[key] === undefined) patch[key] = null;
  return Object.keys(patch).length ? patch : undefined;
}
