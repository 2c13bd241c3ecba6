import { snmpProbeResult, describeIssues, type SnmpCredential, type SnmpProbeResult, type SnmpTarget } from '@steward/shared';
import { chassisOf } from '../mibs/entity-mib.js';
import { identifyDevice } from '../identify/identify-device.js';
import { enterpriseOf, isMakerEnterprise } from '../identify/vendor-names.js';
import { oidsToRead, readVendorOids, vendorOidEntries } from '../identify/vendor-oids.js';
import { getScalars } from '../session/get-scalars.js';
import type { SnmpClient } from '../session/snmp-client.js';
import { SnmpDeviceError, SnmpRequestError } from '../snmp-error.js';
import { CellReader } from '../values/cell-reader.js';
import { ProblemLog } from '../values/problem-log.js';
import type { DeviceBudget } from '../walk/walk-limits.js';
import { findEnterpriseSubtrees } from './find-enterprise-subtrees.js';
import { findPresentTables } from './find-present-tables.js';
import { firstContact } from './first-contact.js';
import { probeLimits, type ProbeLimits } from './probe-limits.js';
import { readSystem, SYSTEM_OIDS } from './read-system.js';
import { readTables } from './read-tables.js';
import { runWalks } from './run-walks.js';
import { PROBE_TABLES, tablesToWalk } from './table-plan.js';

const BRIDGE_ADDRESS = '1.3.6.1.2.1.17.1.1.0';

/**
 * Reads everything Steward learns from one SNMP device: identity, interfaces, addresses, software,
 * hardware entities, neighbours, forwarding table, printer counters. Credential sets are tried in
 * the order given. Throws SnmpDeviceError when the device cannot be reached at all; any later
 * failure (a walk that loops, times out or exceeds its bounds) is listed in `problems` and the
 * rest of the result is kept.
 */
export async function probeDevice(
  target: SnmpTarget,
  credentials: SnmpCredential[],
  overrides: Partial<ProbeLimits> = {},
): Promise<SnmpProbeResult> {
  const limits = probeLimits(overrides);
  const started = Date.now();
  const contact = await firstContact(target.host, target.port, credentials, limits);
  const { client } = contact;
  try {
    const budget: DeviceBudget = { deadline: started + limits.deviceTimeMs, bytesLeft: limits.maxBytesPerDevice };
    const problems = new ProblemLog();
    const answers = contact.answers.size > 0 ? contact.answers : await getScalars(client, Object.values(SYSTEM_OIDS));
    const system = readSystem(answers, new CellReader(client.device, 'system', problems));
    const enterprise = enterpriseOf(system.sysObjectID);
    const subtrees = enterprise !== undefined && isMakerEnterprise(enterprise) ? [] : await step(client, 'enterprise-scan', () => findEnterpriseSubtrees(client));
    const present = await step(client, 'table-scan', () => findPresentTables(client, PROBE_TABLES));
    const outcomes = await runWalks(client, tablesToWalk(present), limits, budget);
    const tables = readTables(outcomes, client.device, problems);
    for (const o of outcomes.values()) if (o.problem) problems.add(o.problem);

    const entries = vendorOidEntries([...(enterprise !== undefined ? [enterprise] : []), ...subtrees], system.sysObjectID);
    const scalars = problems.has('timeout') ? new Map() : await step(client, 'vendor-scalars', () => getScalars(client, [...oidsToRead(entries), BRIDGE_ADDRESS]));
    const cells = new CellReader(client.device, 'vendor-scalars', problems);
    const bridgeMac = cells.mac(scalars.get(BRIDGE_ADDRESS), 'dot1dBaseBridgeAddress');
    const identity = identifyDevice({
      system,
      subtreeEnterprises: subtrees,
      chassis: chassisOf(tables.entities),
      vendorOids: readVendorOids(entries, scalars, cells),
      macs: [bridgeMac, ...tables.interfaces.map((i) => i.mac)].filter((m): m is string => m !== undefined),
      hostDevices: tables.hostDevices,
      software: tables.software,
      isPrinter: tables.printer !== undefined,
    });
    return validated({
      target,
      credentialId: contact.credential.id,
      version: contact.credential.version,
      probedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      system,
      identity,
      ...tables,
      walks: [...outcomes.values()].map((o) => ({ name: o.name, rows: o.rows, requests: o.requests, durationMs: o.durationMs, complete: o.complete })),
      problems: problems.list(),
    }, client.device);
  } finally {
    client.close();
  }
}

/** A request outside the walks failed: the device is named with the phase that failed. */
async function step<T>(client: SnmpClient, phase: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SnmpRequestError) throw new SnmpDeviceError(client.device, phase, error.code, error.message);
    throw error;
  }
}

function validated(result: SnmpProbeResult, device: string): SnmpProbeResult {
  const parsed = snmpProbeResult.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new SnmpDeviceError(device, 'validate', 'invalid-response', describeIssues(parsed.error, 5).join('; '));
}
