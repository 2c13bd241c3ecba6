import type { SnmpInterface, SnmpNeighbour } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { decodeOctetText, looksPrintable } from '../values/decode-text.js';
import { macFromBytes } from '../values/mac-address.js';
import { indexArcs, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const LLDP_REM_TABLE: TableSpec = {
  name: 'lldpRemTable',
  entry: '1.0.8802.1.1.2.1.4.1.1',
  // ChassisIdSubtype, ChassisId, PortIdSubtype, PortId, PortDesc, SysName, SysDesc
  columns: [4, 5, 6, 7, 8, 9, 10],
};

export const LLDP_LOC_PORT_TABLE: TableSpec = {
  name: 'lldpLocPortTable',
  entry: '1.0.8802.1.1.2.1.3.7.1',
  // lldpLocPortIdSubtype, lldpLocPortId, lldpLocPortDesc
  columns: [2, 3, 4],
};

export const LLDP_REM_MAN_ADDR_TABLE: TableSpec = {
  name: 'lldpRemManAddrTable',
  entry: '1.0.8802.1.1.2.1.4.2.1',
  // lldpRemManAddrIfSubtype: the address itself is in the index
  columns: [3],
};

const MAC_SUBTYPE_CHASSIS = 4;
const MAC_SUBTYPE_PORT = 3;
const NETWORK_ADDRESS_SUBTYPE = 5;

/** LLDP neighbours, with the local port named by the interface it maps to. */
export function readLldpNeighbours(
  remote: TableRows,
  localPorts: TableRows,
  managementAddresses: TableRows,
  interfaces: SnmpInterface[],
  cells: CellReader,
): SnmpNeighbour[] {
  const addressOf = managementAddressByNeighbour(managementAddresses);
  const found: SnmpNeighbour[] = [];
  for (const [index, row] of remote) {
    const [, localPortNum, remIndex] = indexArcs(index);
    if (localPortNum === undefined || remIndex === undefined) continue;
    const local = localPorts.get(String(localPortNum));
    const localPort = cells.text(local?.get(4), 'lldpLocPortDesc', 255) ?? cells.text(local?.get(3), 'lldpLocPortId', 255);
    const ifc = matchInterface(localPortNum, localPort, interfaces);
    found.push({
      protocol: 'lldp',
      localIfIndex: ifc?.ifIndex,
      localPort: ifc?.name ?? localPort ?? String(localPortNum),
      remoteChassisId: idText(cells.bytes(row.get(5), 'lldpRemChassisId'), cells.integer(row.get(4), 'lldpRemChassisIdSubtype'), MAC_SUBTYPE_CHASSIS),
      remotePortId: idText(cells.bytes(row.get(7), 'lldpRemPortId'), cells.integer(row.get(6), 'lldpRemPortIdSubtype'), MAC_SUBTYPE_PORT),
      remotePortDescr: cells.text(row.get(8), 'lldpRemPortDesc', 255),
      remoteSysName: cells.text(row.get(9), 'lldpRemSysName', 255),
      remoteSysDescr: cells.text(row.get(10), 'lldpRemSysDesc', 1024),
      remoteAddress: addressOf.get(`${localPortNum}.${remIndex}`),
    });
  }
  return found;
}

/** lldpLocPortNum is an ifIndex on most agents and a bridge port on others: trust a name match first. */
function matchInterface(portNum: number, portName: string | undefined, interfaces: SnmpInterface[]): SnmpInterface | undefined {
  if (portName) {
    const byName = interfaces.find((i) => i.name === portName || i.descr === portName);
    if (byName) return byName;
  }
  return interfaces.find((i) => i.ifIndex === portNum);
}

function idText(bytes: Buffer | undefined, subtype: number | undefined, macSubtype: number): string | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  if (subtype === macSubtype || (bytes.length === 6 && !looksPrintable(bytes))) return macFromBytes(bytes);
  if (subtype === NETWORK_ADDRESS_SUBTYPE && bytes.length === 5 && bytes[0] === 1) return [...bytes.subarray(1)].join('.');
  if (!looksPrintable(bytes)) return bytes.toString('hex').slice(0, 255);
  return decodeOctetText(bytes).slice(0, 255) || undefined;
}

/** Index: timeMark.localPortNum.remIndex.addrSubtype.addrLen.addr... ; IPv4 addresses only are kept. */
function managementAddressByNeighbour(rows: TableRows): Map<string, string> {
  const found = new Map<string, string>();
  for (const index of rows.keys()) {
    const [, port, rem, subtype, length, ...addr] = indexArcs(index);
    if (subtype === 1 && length === 4 && addr.length === 4) found.set(`${port}.${rem}`, addr.join('.'));
  }
  return found;
}
