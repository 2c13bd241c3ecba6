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

/** A valid full report for an agent, shaped as the agent sends it. */
export function makeReport(agentId: string, overrides: Partial<InventoryReportInput> = {}): InventoryReportInput {
  return {
    protocol: PROTOCOL_VERSION,
    kind: 'full',
    reportId: randomUUID(),
    agentId,
    agentVersion: '0.1.0',
    collectedAt: new Date().toISOString(),
    identity: { hostname: 'ws-0142', fqdn: 'ws-0142.corp.example', hardwareUuid: '4c4c4544-0042-3510-8052-b4c04f4e3732', serialNumber: 'CZC1234XYZ', macAddresses: ['3c:52:82:11:22:33'] },
    hardware: {
      system: { manufacturer: 'HP', model: 'EliteDesk 800 G6', serial: 'CZC1234XYZ', uuid: '4c4c4544-0042-3510-8052-b4c04f4e3732' },
      bios: { vendor: 'HP', version: 'S01 Ver. 02.10.00' },
      cpu: { brand: 'Intel Core i7-10700', cores: 8, threads: 16 },
      memory: { totalBytes: 17179869184, modules: [] },
      disks: [],
      networkInterfaces: [{ name: 'eth0', mac: '3c:52:82:11:22:33', ipv4: ['10.1.2.3'], ipv6: [] }],
      gpus: [],
    },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
    software: syntheticSoftware(25),
    ...overrides,
  };
}
