import type { SnmpInterface } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { singleIndex, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const IF_TABLE: TableSpec = {
  name: 'ifTable',
  entry: '1.3.6.1.2.1.2.2.1',
  // ifIndex, ifDescr, ifType, ifMtu, ifSpeed, ifPhysAddress, ifAdminStatus, ifOperStatus
  columns: [1, 2, 3, 4, 5, 6, 7, 8],
};

export const IF_X_TABLE: TableSpec = {
  name: 'ifXTable',
  entry: '1.3.6.1.2.1.31.1.1.1',
  // ifName, ifHighSpeed, ifAlias
  columns: [1, 15, 18],
};

const ADMIN = ['up', 'down', 'testing'] as const;
const OPER = ['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'] as const;
const SATURATED_SPEED = 4_294_967_295;

/** IF-MIB interfaces: ifTable rows extended by the ifXTable row of the same ifIndex. */
export function readInterfaces(ifRows: TableRows, ifxRows: TableRows, cells: CellReader): SnmpInterface[] {
  const found: SnmpInterface[] = [];
  // ifTable lists the interfaces; ifXTable only extends them, unless an agent has no ifTable at all.
  const indexes = ifRows.size > 0 ? ifRows.keys() : ifxRows.keys();
  for (const index of indexes) {
    const ifIndex = singleIndex(index);
    if (ifIndex === undefined) continue;
    const row = ifRows.get(index) ?? new Map();
    const x = ifxRows.get(index) ?? new Map();
    const speed = cells.count(row.get(5), 'ifSpeed');
    const highSpeed = cells.count(x.get(15), 'ifHighSpeed');
    found.push({
      ifIndex,
      name: cells.text(x.get(1), 'ifName', 255),
      descr: cells.text(row.get(2), 'ifDescr', 255),
      alias: cells.text(x.get(18), 'ifAlias', 255),
      type: cells.count(row.get(3), 'ifType'),
      mtu: cells.count(row.get(4), 'ifMtu'),
      speedBps: speedBps(speed, highSpeed),
      mac: cells.mac(row.get(6), 'ifPhysAddress'),
      adminStatus: ADMIN[(cells.integer(row.get(7), 'ifAdminStatus') ?? 0) - 1],
      operStatus: OPER[(cells.integer(row.get(8), 'ifOperStatus') ?? 0) - 1],
    });
  }
  return found.sort((a, b) => a.ifIndex - b.ifIndex);
}

/** ifHighSpeed (Mb/s) is the truth above 4.29 Gb/s, where ifSpeed saturates. */
function speedBps(speed: number | undefined, highSpeedMbps: number | undefined): number | undefined {
  if (highSpeedMbps !== undefined && (speed === undefined || speed >= SATURATED_SPEED || highSpeedMbps > 4294)) {
    return highSpeedMbps * 1_000_000;
  }
  return speed;
}
