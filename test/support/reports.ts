import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type InventoryReportInput, type SoftwareEntry } from '@steward/shared';

/** A synthetic software list: names and versions vary with the seed so diffs are meaningful. */
export function syntheticSoftware(count: number, seed = 0): SoftwareEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `package-${i}`,
    version: `${1 + ((i + seed) % 7)}.${i % 13}.${seed}`,
    publisher: `Publisher ${i % 50}`,
    source: 'dpkg' as const,
    arch: 'amd64',
  }));
}

/**
 * The machine an agent runs on, by default one of its own: its hardware UUID, serial and network
 * card follow from the agent's id, so two agents are two machines unless a test says otherwise.
 */
export function machineOf(agentId: string) {
  const hex = agentId.replace(/-/g, '').toLowerCase();
  return {
    hardwareUuid: `4c4c4544-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
    serialNumber: `CZC${hex.slice(0, 7).toUpperCase()}`,
    mac: `3c:52:82:${hex.slice(26, 28)}:${hex.slice(28, 30)}:${hex.slice(30, 32)}`,
  };
}

/** A valid full report for an agent, shaped as the agent sends it. */
export function makeReport(agentId: string, overrides: Partial<InventoryReportInput> = {}): InventoryReportInput {
  const machine = machineOf(agentId);
  return {
    protocol: PROTOCOL_VERSION,
    kind: 'full',
    reportId: randomUUID(),
    agentId,
    agentVersion: '0.1.0',
    collectedAt: new Date().toISOString(),
    identity: { hostname: 'ws-0142', fqdn: 'ws-0142.corp.example', hardwareUuid: machine.hardwareUuid, serialNumber: machine.serialNumber, macAddresses: [machine.mac] },
    hardware: {
      system: { manufacturer: 'HP', model: 'EliteDesk 800 G6', serial: machine.serialNumber, uuid: machine.hardwareUuid },
      bios: { vendor: 'HP', version: 'S01 Ver. 02.10.00' },
      cpu: { brand: 'Intel Core i7-10700', cores: 8, threads: 16 },
      memory: { totalBytes: 17179869184, modules: [] },
      disks: [],
      networkInterfaces: [{ name: 'eth0', mac: machine.mac, ipv4: ['10.1.2.3'], ipv6: [] }],
      gpus: [],
    },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
    software: syntheticSoftware(25),
    ...overrides,
  };
}
