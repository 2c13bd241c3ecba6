import type { Varbind } from 'net-snmp';
import type { SnmpCredential, SnmpInterfaceCounters, SnmpPollSample, SnmpTarget } from '@steward/shared';
import { probeLimits, type ProbeLimits } from '../probe/probe-limits.js';
import { getScalars } from '../session/get-scalars.js';
import { SnmpClient } from '../session/snmp-client.js';
import { SnmpDeviceError, SnmpRequestError } from '../snmp-error.js';
import { CellReader } from '../values/cell-reader.js';
import { ProblemLog } from '../values/problem-log.js';
import { walkColumns } from '../walk/walk-columns.js';
import { columnRoots, singleIndex, tableRows, type TableSpec } from '../walk/table-rows.js';

const IF_X_COUNTERS: TableSpec = { name: 'ifXTable-counters', entry: '1.3.6.1.2.1.31.1.1.1', columns: [6, 7, 10, 11] };
const IF_STATUS: TableSpec = { name: 'ifTable-status', entry: '1.3.6.1.2.1.2.2.1', columns: [8, 13, 14, 19, 20] };
const IF_COUNTERS_32: TableSpec = { name: 'ifTable-counters', entry: '1.3.6.1.2.1.2.2.1', columns: [10, 11, 16, 17] };
const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
const OPER = ['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'] as const;

/**
 * One poll of a device's interface counters with a credential set already known to work: the
 * 64-bit ifXTable counters where the agent has them, the 32-bit ifTable ones otherwise.
 * Throws SnmpDeviceError naming the device and phase when the poll cannot complete.
 */
export async function pollInterfaces(target: SnmpTarget, credential: SnmpCredential, overrides: Partial<ProbeLimits> = {}): Promise<SnmpPollSample> {
  const limits = probeLimits(overrides);
  const client = new SnmpClient(target.host, target.port, credential, limits);
  const takenAt = new Date();
  try {
    const uptime = await getScalars(client, [SYS_UP_TIME]).catch((error: unknown) => fail(client, 'poll:sysUpTime', error));
    return await readInterfaceCounters(client, target, { takenAt, sysUpTime: uptime.get(SYS_UP_TIME) }, limits);
  } finally {
    client.close();
  }
}

/**
 * The interface part of a poll, on a session whose sysUpTime the caller has just read (the poller
 * reads it to tell whether the device answers, and need not ask twice).
 */
export async function readInterfaceCounters(
  client: SnmpClient,
  target: SnmpTarget,
  reached: { takenAt: Date; sysUpTime: Varbind | undefined },
  limits: ProbeLimits,
): Promise<SnmpPollSample> {
  const budget = { deadline: Date.now() + limits.deviceTimeMs, bytesLeft: limits.maxBytesPerDevice };
  const walk = async (spec: TableSpec, roots: string[]) => {
    const outcome = await walkColumns(client, spec.name, roots, limits, budget);
    if (outcome.problem && !outcome.complete) throw new SnmpDeviceError(client.device, outcome.problem.phase, outcome.problem.code, outcome.problem.message);
    return outcome;
  };
  const main = await walk(IF_STATUS, [...columnRoots(IF_STATUS), ...columnRoots(IF_X_COUNTERS)]);
  const hc = tableRows(IF_X_COUNTERS, main);
  const low = hc.size > 0 ? new Map() : tableRows(IF_COUNTERS_32, await walk(IF_COUNTERS_32, columnRoots(IF_COUNTERS_32)));
  const cells = new CellReader(client.device, 'poll', new ProblemLog());
  const interfaces = interfaceCounters(tableRows(IF_STATUS, main), hc, low, cells);
  return { target, takenAt: reached.takenAt.toISOString(), sysUpTime: cells.count(reached.sysUpTime, 'sysUpTime'), interfaces };
}

type Rows = ReturnType<typeof tableRows>;

/** One counters row per interface: 64-bit counters where the row has them, 32-bit ones otherwise. */
function interfaceCounters(status: Rows, hc: Rows, low: Rows, cells: CellReader): SnmpInterfaceCounters[] {
  const text = (v: bigint | undefined) => (v === undefined ? undefined : v.toString());
  const interfaces: SnmpInterfaceCounters[] = [];
  for (const [index, row] of status) {
    const ifIndex = singleIndex(index);
    if (ifIndex === undefined) continue;
    const x = hc.get(index);
    const l = low.get(index);
    const highCapacity = x !== undefined && x.size > 0;
    interfaces.push({
      ifIndex,
      inOctets: text(cells.counter(highCapacity ? x.get(6) : l?.get(10), 'inOctets')),
      outOctets: text(cells.counter(highCapacity ? x.get(10) : l?.get(16), 'outOctets')),
      inPackets: text(cells.counter(highCapacity ? x.get(7) : l?.get(11), 'inPackets')),
      outPackets: text(cells.counter(highCapacity ? x.get(11) : l?.get(17), 'outPackets')),
      inErrors: text(cells.counter(row.get(14), 'ifInErrors')),
      outErrors: text(cells.counter(row.get(20), 'ifOutErrors')),
      inDiscards: text(cells.counter(row.get(13), 'ifInDiscards')),
      outDiscards: text(cells.counter(row.get(19), 'ifOutDiscards')),
      highCapacity,
      operStatus: OPER[(cells.integer(row.get(8), 'ifOperStatus') ?? 0) - 1],
    });
  }
  return interfaces;
}

function fail(client: SnmpClient, phase: string, error: unknown): never {
  if (error instanceof SnmpRequestError) throw new SnmpDeviceError(client.device, phase, error.code, error.message);
  throw error;
}
