import type { DeviceIdentity, EnrollRequest, HardwareInfo } from '@steward/shared';
import { junkIdentifiers, type JunkIdentifiers } from '../reconcile/identity/junk-identifiers.js';

/**
 * What a device presents as its identity, normalised, with junk and virtual values left out: the
 * hardware UUID (lower-case hex without dashes), the serial (upper case), the OS install's machine
 * id and the MAC addresses of physical network cards.
 */
export interface Evidence {
  hardwareUuid?: string;
  serial?: string;
  machineId?: string;
  macs: string[];
}

export type EvidenceKey = 'hardware_uuid' | 'serial' | 'machine_id' | 'mac';
export interface EvidenceRow { key: EvidenceKey; value: string }

function usableUuid(raw: string | undefined, junk: JunkIdentifiers): string | undefined {
  const u = raw?.trim().toLowerCase().replace(/-/g, '') ?? '';
  if (!/^[0-9a-f]{32}$/.test(u) || /^0+$/.test(u) || /^f+$/.test(u) || junk.uuids.includes(u)) return undefined;
  return u;
}

function usableSerial(raw: string | undefined, junk: JunkIdentifiers): string | undefined {
  const s = raw?.trim().toUpperCase() ?? '';
  if (s.length < 4 || junk.serials.includes(s) || s.split('').every((c) => c === s[0])) return undefined;
  return s;
}

function usableMachineId(raw: string | undefined): string | undefined {
  const m = raw?.trim().toLowerCase().replace(/[-{}]/g, '') ?? '';
  if (m.length < 8 || m.split('').every((c) => c === m[0])) return undefined;
  return m;
}

/** A MAC burnt into a physical card: globally administered, not a virtual platform's prefix. */
function physicalMac(mac: string, junk: JunkIdentifiers): boolean {
  if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(mac) || mac === '00:00:00:00:00:00') return false;
  // The locally administered bit: set by hypervisors, containers, randomised Wi-Fi addresses.
  if ((parseInt(mac.slice(0, 2), 16) & 0x02) !== 0) return false;
  return !junk.macPrefixes.some((prefix) => mac.startsWith(prefix));
}

function physicalMacs(macs: readonly string[], virtual: ReadonlySet<string>, junk: JunkIdentifiers): string[] {
  return [...new Set(macs.map((m) => m.toLowerCase()))].filter((m) => !virtual.has(m) && physicalMac(m, junk)).sort();
}

export function evidenceOf(
  identity: Pick<DeviceIdentity, 'hardwareUuid' | 'serialNumber' | 'machineId'> & { macAddresses?: readonly string[] },
  hardware?: Pick<HardwareInfo, 'networkInterfaces'>,
  junk = junkIdentifiers(),
): Evidence {
  const virtual = new Set((hardware?.networkInterfaces ?? []).filter((n) => n.virtual && n.mac).map((n) => n.mac!.toLowerCase()));
  const evidence: Evidence = { macs: physicalMacs(identity.macAddresses ?? [], virtual, junk) };
  const hardwareUuid = usableUuid(identity.hardwareUuid, junk);
  const serial = usableSerial(identity.serialNumber, junk);
  const machineId = usableMachineId(identity.machineId);
  if (hardwareUuid) evidence.hardwareUuid = hardwareUuid;
  if (serial) evidence.serial = serial;
  if (machineId) evidence.machineId = machineId;
  return evidence;
}

/** The evidence an enrolment request carries: what an agent knows of its machine before its first report. */
export const evidenceOfEnrolment = (request: EnrollRequest): Evidence => evidenceOf(request);

export function evidenceRows(evidence: Evidence): EvidenceRow[] {
  const rows: EvidenceRow[] = evidence.macs.map((value) => ({ key: 'mac', value }));
  if (evidence.hardwareUuid) rows.push({ key: 'hardware_uuid', value: evidence.hardwareUuid });
  if (evidence.serial) rows.push({ key: 'serial', value: evidence.serial });
  if (evidence.machineId) rows.push({ key: 'machine_id', value: evidence.machineId });
  return rows;
}

export function evidenceFromRows(rows: readonly EvidenceRow[]): Evidence {
  const evidence: Evidence = { macs: rows.filter((r) => r.key === 'mac').map((r) => r.value).sort() };
  for (const row of rows) {
    if (row.key === 'hardware_uuid') evidence.hardwareUuid = row.value;
    if (row.key === 'serial') evidence.serial = row.value;
    if (row.key === 'machine_id') evidence.machineId = row.value;
  }
  return evidence;
}

export const isEmptyEvidence = (evidence: Evidence) => evidenceRows(evidence).length === 0;
