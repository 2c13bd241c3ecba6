import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import { isBelow } from '../walk/oid-order.js';
import type { SnmpProbeResult } from '@steward/shared';
import { backplaneSerial, chassisOf, soleBoardSerial } from '../mibs/entity-mib.js';
import { identifyDevice, type IdentityEvidence } from '../identify/identify-device.js';
import { enterpriseOf } from '../identify/vendor-names.js';
import { oidsToRead, readVendorOids, vendorOidEntries } from '../identify/vendor-oids.js';
import { getScalars } from '../session/get-scalars.js';
import type { SnmpAgent } from '../session/snmp-agent.js';
import { SnmpDeviceError, SnmpRequestError } from '../snmp-error.js';
import { CellReader } from '../values/cell-reader.js';
import { ProblemLog } from '../values/problem-log.js';
import type { DeviceBudget } from '../walk/walk-limits.js';
import { findEnterpriseSubtrees } from './find-enterprise-subtrees.js';
import { findPresentTables } from './find-present-tables.js';
import type { ProbeLimits } from './probe-limits.js';
import { readSystem, SYSTEM_OIDS } from './read-system.js';
import { readTables } from './read-tables.js';
import { runWalks } from './run-walks.js';
import { PROBE_TABLES, tablesToWalk } from './table-plan.js';

const BRIDGE_ADDRESS = '1.3.6.1.2.1.17.1.1.0';

export type DeviceReading = Omit<SnmpProbeResult, 'target' | 'credentialId' | 'version' | 'probedAt' | 'durationMs'> & {
  /** What identification was decided from, kept for whoever measures identification alone. */
  evidence: IdentityEvidence;
};

/**
 * Everything read from one agent once it answered: the system group, the tables, the scalars
 * identification needs, and the identity decided from them. The agent is a live session or a
 * recorded walk alike; `firstAnswers` holds the system scalars already asked at first contact.
 */
export async function readDevice(agent: SnmpAgent, firstAnswers: Map<string, Varbind>, limits: ProbeLimits, started: number): Promise<DeviceReading> {
  const budget: DeviceBudget = { deadline: started + limits.deviceTimeMs, bytesLeft: limits.maxBytesPerDevice };
  const problems = new ProblemLog();
  const answers = firstAnswers.size > 0 ? firstAnswers : await getScalars(agent, Object.values(SYSTEM_OIDS));
  const system = readSystem(answers, new CellReader(agent.device, 'system', problems));
  const enterprise = enterpriseOf(system.sysObjectID);
  const present = await step(agent, 'table-scan', () => findPresentTables(agent, PROBE_TABLES));
  const outcomes = await runWalks(agent, tablesToWalk(present), limits, budget);
  const tables = readTables(outcomes, agent.device, problems);
  for (const o of outcomes.values()) if (o.problem) problems.add(o.problem);
  // Gear often answers under its maker's subtree while its sysObjectID borrows another number. Asked
  // after the walks, so a device that fell silent keeps what the walks read instead of failing here.
  const subtrees = problems.has('timeout') ? [] : await step(agent, 'enterprise-scan', () => findEnterpriseSubtrees(agent));

  const entries = vendorOidEntries([...(enterprise !== undefined ? [enterprise] : []), ...subtrees], system.sysObjectID);
  const toRead = oidsToRead(entries);
  const scalars = problems.has('timeout') ? new Map<string, Varbind>() : await step(agent, 'vendor-scalars', async () => {
    const found = await getScalars(agent, [...toRead.scalars, BRIDGE_ADDRESS]);
    for (const [column, vb] of await firstRows(agent, toRead.columns)) found.set(column, vb);
    return found;
  });
  const cells = new CellReader(agent.device, 'vendor-scalars', problems);
  const bridgeMac = cells.mac(scalars.get(BRIDGE_ADDRESS), 'dot1dBaseBridgeAddress');
  const chassis = chassisOf(tables.entities);
  const evidence: IdentityEvidence = {
    system,
    subtreeEnterprises: subtrees,
    entities: tables.entities,
    chassis,
    boardSerial: backplaneSerial(tables.entities, chassis) ?? soleBoardSerial(tables.entities, chassis),
    deviceOids: readVendorOids(entries.filter((e) => e.device), scalars, cells),
    vendorOids: readVendorOids(entries, scalars, cells),
    macs: [bridgeMac, ...tables.interfaces.map((i) => i.mac)].filter((m): m is string => m !== undefined),
    hostDevices: tables.hostDevices,
    software: tables.software,
    isPrinter: tables.printer !== undefined,
  };
  return {
    system,
    identity: identifyDevice(evidence),
    ...tables,
    walks: [...outcomes.values()].map((o) => ({ name: o.name, rows: o.rows, requests: o.requests, durationMs: o.durationMs, complete: o.complete })),
    problems: problems.list(),
    evidence,
  };
}

/** The first row of each column (keyed by the column's OID), for columns that have one. */
async function firstRows(agent: SnmpAgent, columns: string[]): Promise<Map<string, Varbind>> {
  const found = new Map<string, Varbind>();
  if (columns.length === 0) return found;
  const next = await agent.getNext(columns);
  columns.forEach((column, i) => {
    const vb = next[i];
    if (vb && !snmp.isVarbindError(vb) && isBelow(column, vb.oid)) found.set(column, vb);
  });
  return found;
}

/** A request outside the walks failed: the device is named with the phase that failed. */
async function step<T>(agent: SnmpAgent, phase: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SnmpRequestError) throw new SnmpDeviceError(agent.device, phase, error.code, error.message);
    throw error;
  }
}
