import type { SnmpInterface, SnmpNeighbour } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { indexArcs, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const CDP_CACHE_TABLE: TableSpec = {
  name: 'cdpCacheTable',
  entry: '1.3.6.1.4.1.9.9.23.1.2.1.1',
  // cdpCacheAddressType, cdpCacheAddress, cdpCacheVersion, cdpCacheDeviceId, cdpCacheDevicePort, cdpCachePlatform
  columns: [3, 4, 5, 6, 7, 8],
};

const IP_ADDRESS_TYPE = 1;

/** CISCO-CDP-MIB neighbours; the table is indexed by the local ifIndex. */
export function readCdpNeighbours(rows: TableRows, interfaces: SnmpInterface[], cells: CellReader): SnmpNeighbour[] {
  const found: SnmpNeighbour[] = [];
  for (const [index, row] of rows) {
    const [ifIndex] = indexArcs(index);
    if (ifIndex === undefined || !Number.isInteger(ifIndex)) continue;
    const address = cells.bytes(row.get(4), 'cdpCacheAddress');
    const addressType = cells.integer(row.get(3), 'cdpCacheAddressType');
    const ifc = interfaces.find((i) => i.ifIndex === ifIndex);
    found.push({
      protocol: 'cdp',
      localIfIndex: ifIndex,
      localPort: ifc?.name ?? ifc?.descr,
      remoteChassisId: cells.text(row.get(6), 'cdpCacheDeviceId', 255),
      remotePortId: cells.text(row.get(7), 'cdpCacheDevicePort', 255),
      remoteSysName: cells.text(row.get(6), 'cdpCacheDeviceId', 255),
      remoteSysDescr: cells.text(row.get(5), 'cdpCacheVersion', 1024),
      remotePlatform: cells.text(row.get(8), 'cdpCachePlatform', 255),
      remoteAddress: addressType === IP_ADDRESS_TYPE && address?.length === 4 ? [...address].join('.') : undefined,
    });
  }
  return found;
}
