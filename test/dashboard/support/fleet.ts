import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type InventoryReportInput, type SoftwareEntry } from '@steward/shared';

/** Machines as an office estate has them: a few vendors, a few systems, varied sizes. */
const MODELS = [
  ['Dell Inc.', 'Latitude 5440'], ['Dell Inc.', 'OptiPlex 7010'], ['HP', 'EliteBook 840 G9'],
  ['LENOVO', 'ThinkPad T14 Gen 4'], ['LENOVO', 'ThinkCentre M70q'], ['Supermicro', 'SYS-1029P-WTR'],
  ['QEMU', 'Standard PC (Q35 + ICH9, 2009)'],
] as const;
const SYSTEMS = [
  { platform: 'linux', name: 'Debian GNU/Linux', version: '12', kernel: '6.1.0-18-amd64' },
  { platform: 'linux', name: 'Ubuntu', version: '22.04', kernel: '5.15.0-97-generic' },
  { platform: 'linux', name: 'Ubuntu', version: '24.04', kernel: '6.8.0-31-generic' },
  { platform: 'windows', name: 'Microsoft Windows 11 Pro', version: '23H2', kernel: '10.0.22631' },
  { platform: 'windows', name: 'Microsoft Windows Server 2022 Standard', version: '21H2', kernel: '10.0.20348' },
  { platform: 'macos', name: 'macOS', version: '14.4', kernel: 'Darwin 23.4.0' },
] as const;
const PACKAGES = [
  ['openssl', 'OpenSSL Project'], ['curl', 'curl project'], ['firefox-esr', 'Mozilla'], ['libreoffice-core', 'The Document Foundation'],
  ['python3', 'Python Software Foundation'], ['openssh-client', 'OpenBSD'], ['git', 'Software Freedom Conservancy'],
  ['vim', 'Bram Moolenaar'], ['nodejs', 'OpenJS Foundation'], ['postgresql-client-15', 'PostgreSQL Global Development Group'],
  ['zoom', 'Zoom Video Communications'], ['7zip', 'Igor Pavlov'], ['vlc', 'VideoLAN'], ['thunderbird', 'Mozilla'],
] as const;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

/** The MAC address of fleet machine `index`, in a locally administered range no real card uses. */
export function fleetMac(index: number): string {
  return ['02', '5e', hex(index >> 16, 2), hex(index >> 8, 2), hex(index, 2), '01'].join(':');
}

export function fleetHostname(index: number, prefix = 'ws'): string {
  return `${prefix}-${String(index).padStart(5, '0')}`;
}

function fleetSoftware(index: number, count: number): SoftwareEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const [name, publisher] = PACKAGES[i % PACKAGES.length]!;
    return {
      name: i < PACKAGES.length ? name : `${name}-plugin-${i}`,
      version: `${1 + (i % 5)}.${(index + i) % 20}.${i % 3}`,
      publisher,
      source: 'dpkg' as const,
      arch: 'amd64',
      installDate: `2024-0${1 + (i % 9)}-1${i % 10}`,
    };
  });
}

/** A full inventory report for fleet machine `index`, varied but the same on every run. */
export function fleetReport(agentId: string, index: number, hostname = fleetHostname(index)): InventoryReportInput {
  const [manufacturer, model] = MODELS[index % MODELS.length]!;
  const system = SYSTEMS[index % SYSTEMS.length]!;
  const mac = fleetMac(index);
  const serial = `SN${hex(index * 7919, 8).toUpperCase()}`;
  const uuid = `4c4c4544-${hex(index, 4)}-4000-8000-${hex(index * 31, 12)}`;
  return {
    protocol: PROTOCOL_VERSION,
    kind: 'full',
    reportId: randomUUID(),
    agentId,
    agentVersion: '0.1.0',
    collectedAt: new Date().toISOString(),
    identity: { hostname, fqdn: `${hostname}.corp.example`, hardwareUuid: uuid, serialNumber: serial, macAddresses: [mac] },
    hardware: {
      system: { manufacturer, model, serial, uuid, virtual: manufacturer === 'QEMU' },
      bios: { vendor: manufacturer, version: `1.${index % 9}.0`, releaseDate: '2023-11-02' },
      cpu: { manufacturer: 'GenuineIntel', brand: 'Intel(R) Core(TM) i7-1365U', arch: 'x86_64', isaLevel: 'x86-64-v3', sockets: 1, cores: 10, threads: 12, speedGHz: 1.8 },
      memory: {
        totalBytes: (8 << (index % 3)) * 1024 ** 3,
        modules: [{ slot: 'DIMM A', sizeBytes: (8 << (index % 3)) * 1024 ** 3, type: 'DDR5', speedMHz: 5200, manufacturer: 'Samsung' }],
      },
      disks: [{ name: 'nvme0n1', model: 'Samsung SSD 980 PRO 1TB', sizeBytes: 1_000_204_886_016, type: 'SSD', interface: 'NVMe', smartStatus: 'OK' }],
      filesystems: [
        { mountPoint: '/', type: 'ext4', sizeBytes: 500_000_000_000, freeBytes: 125_000_000_000 + index * 1_000_000, device: '/dev/nvme0n1p2' },
        { mountPoint: '/boot/efi', type: 'vfat', sizeBytes: 536_870_912, freeBytes: 500_000_000, device: '/dev/nvme0n1p1', label: 'EFI' },
      ],
      networkInterfaces: [
        { name: 'eth0', mac, ipv4: [`10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`], ipv6: [`fe80::5e:${hex(index, 4)}:1`], speedMbps: 1000, type: 'ethernet' },
        { name: 'docker0', ipv4: ['172.17.0.1'], ipv6: [], virtual: true, virtualKind: 'docker', status: 'down' },
      ],
      gpus: [],
    },
    os: { platform: system.platform, name: system.name, version: system.version, kernel: system.kernel, arch: 'x64', uptimeSeconds: 3600 * (index % 200) },
    software: fleetSoftware(index, 20 + (index % 40)),
  };
}
