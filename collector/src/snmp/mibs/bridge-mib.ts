import type { SnmpForwardingEntry, SnmpInterface } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { macFromIndexArcs } from '../values/mac-address.js';
import { indexArcs, singleIndex, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const DOT1D_BASE_PORT_TABLE: TableSpec = {
  name: 'dot1dBasePortTable',
  entry: '1.3.6.1.2.1.17.1.4.1',
  // dot1dBasePortIfIndex
  columns: [2],
};

export const DOT1D_TP_FDB_TABLE: TableSpec = {
  name: 'dot1dTpFdbTable',
  entry: '1.3.6.1.2.1.17.4.3.1',
  // dot1dTpFdbPort, dot1dTpFdbStatus (the MAC address is the index)
  columns: [2, 3],
};

export const DOT1Q_TP_FDB_TABLE: TableSpec = {
  name: 'dot1qTpFdbTable',
  entry: '1.3.6.1.2.1.17.7.1.2.2.1',
  // dot1qTpFdbPort, dot1qTpFdbStatus (index: dot1qFdbId then the MAC address)
  columns: [2, 3],
};

const STATUS = ['other', 'invalid', 'learned', 'self', 'mgmt'] as const;

/** Bridge port number → ifIndex, from dot1dBasePortTable. */
export function readBridgePorts(rows: TableRows, cells: CellReader): Map<number, number> {
  const ports = new Map<number, number>();
  for (const [index, row] of rows) {
    const port = singleIndex(index);
    const ifIndex = cells.count(row.get(2), 'dot1dBasePortIfIndex');
    if (port !== undefined && ifIndex !== undefined) ports.set(port, ifIndex);
  }
  return ports;
}

/**
 * The forwarding database: each learned MAC with its bridge port and, through dot1dBasePortTable,
 * the interface it was seen on. Both the plain BRIDGE-MIB table and the per-VLAN Q-BRIDGE one are read.
 */
export function readForwarding(
  dot1d: TableRows,
  dot1q: TableRows,
  ports: Map<number, number>,
  interfaces: SnmpInterface[],
  cells: CellReader,
): SnmpForwardingEntry[] {
  const names = new Map(interfaces.map((i) => [i.ifIndex, i.name ?? i.descr]));
  const found: SnmpForwardingEntry[] = [];
  const add = (source: 'dot1d' | 'dot1q', arcs: number[], fdbId: number | undefined, row: Map<number, import('net-snmp').Varbind>) => {
    const mac = macFromIndexArcs(arcs);
    const bridgePort = cells.count(row.get(2), `${source}TpFdbPort`);
    if (!mac || bridgePort === undefined) return;
    const ifIndex = ports.get(bridgePort);
    found.push({
      source,
      mac,
      bridgePort,
      ifIndex,
      ifName: ifIndex !== undefined ? names.get(ifIndex) : undefined,
      fdbId,
      status: STATUS[(cells.integer(row.get(3), `${source}TpFdbStatus`) ?? 0) - 1],
    });
  };
  for (const [index, row] of dot1d) add('dot1d', indexArcs(index), undefined, row);
  for (const [index, row] of dot1q) {
    const [fdbId, ...mac] = indexArcs(index);
    add('dot1q', mac, fdbId, row);
  }
  return found;
}
