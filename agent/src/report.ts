import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION, inventoryDelta, inventoryReport, type InventoryContent, type InventoryDelta, type InventoryReport,
} from '@steward/shared/protocol';
import type { InventoryChanges } from './inventory-delta.js';
import { InventorySources, type CollectedParts } from './sources.js';
import { AGENT_VERSION } from './version.js';

/** The identity a device is recognised by, from what the hardware and OS collectors read. */
function identityOf({ hardware, os }: CollectedParts): InventoryContent['identity'] {
  const macs = new Set<string>();
  // Identity rests on physical interfaces: bridges and container interfaces change with the software.
  for (const nic of hardware.networkInterfaces ?? []) {
    if (typeof nic.mac === 'string' && nic.virtual !== true) macs.add(nic.mac.toLowerCase());
  }
  return {
    hostname: os.hostname,
    fqdn: os.fqdn && os.fqdn !== os.hostname ? os.fqdn : undefined,
    hardwareUuid: hardware.system?.uuid,
    serialNumber: hardware.system?.serial,
    macAddresses: [...macs],
    machineId: os.machineId,
  };
}

/** A full report of an inventory, validated against the wire schema (which also fills its defaults). */
export function fullReport(agentId: string, content: InventoryContent, collectedAt = new Date().toISOString()): InventoryReport {
  return inventoryReport.parse({
    protocol: PROTOCOL_VERSION,
    kind: 'full',
    reportId: randomUUID(),
    agentId,
    agentVersion: AGENT_VERSION,
    collectedAt,
    identity: content.identity,
    hardware: content.hardware,
    os: content.os,
    software: content.software,
  });
}

/** A delta report from the inventory hashed `baseHash` to the one hashed `hash`. */
export function deltaReport(
  agentId: string, baseHash: string, hash: string, changes: InventoryChanges, collectedAt = new Date().toISOString(),
): InventoryDelta {
  return inventoryDelta.parse({
    protocol: PROTOCOL_VERSION,
    kind: 'delta',
    reportId: randomUUID(),
    agentId,
    agentVersion: AGENT_VERSION,
    collectedAt,
    baseHash,
    hash,
    ...changes,
  });
}

/** This machine's inventory as the wire schema has it, from what the sources read. */
export function contentOf(parts: CollectedParts): InventoryContent {
  const { hostname: _hostname, fqdn: _fqdn, machineId: _machineId, ...os } = parts.os;
  const report = fullReport('00000000-0000-4000-8000-000000000000', {
    identity: identityOf(parts), hardware: parts.hardware as InventoryContent['hardware'], os, software: parts.software,
  });
  return { identity: report.identity, hardware: report.hardware, os: report.os, software: report.software };
}

/** Collects this machine's inventory into a full report, reading every source afresh. */
export async function collectReport(agentId: string, extraSoftwareFile?: string): Promise<InventoryReport> {
  const content = contentOf(await new InventorySources({ extraSoftwareFile }).collect());
  return fullReport(agentId, content);
}
