import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, inventoryReport, type InventoryReport } from '@steward/shared';
import { collectHardware } from './collectors/hardware.js';
import { collectOs } from './collectors/os.js';
import { collectInstalledSoftware } from './collectors/software.js';
import { AGENT_VERSION } from './version.js';

/** Collects this machine's inventory into a full report, validated against the wire schema. */
export async function collectReport(agentId: string): Promise<InventoryReport> {
  const [hardware, osInfo, software] = await Promise.all([
    collectHardware(),
    collectOs(),
    collectInstalledSoftware(),
  ]);
  const { hostname, fqdn, ...os } = osInfo;
  const macs = new Set<string>();
  // Identity rests on physical interfaces: bridges and container interfaces change with the software.
  for (const nic of hardware.networkInterfaces ?? []) {
    if (typeof nic.mac === 'string' && nic.virtual !== true) macs.add(nic.mac.toLowerCase());
  }
  return inventoryReport.parse({
    protocol: PROTOCOL_VERSION,
    kind: 'full',
    reportId: randomUUID(),
    agentId,
    agentVersion: AGENT_VERSION,
    collectedAt: new Date().toISOString(),
    identity: {
      hostname,
      fqdn: fqdn && fqdn !== hostname ? fqdn : undefined,
      hardwareUuid: hardware.system?.uuid,
      serialNumber: hardware.system?.serial,
      macAddresses: [...macs],
    },
    hardware,
    os,
    software,
  });
}
