import type { SnmpProbeResult } from '@steward/shared';
import { readForwarding, readBridgePorts, DOT1D_BASE_PORT_TABLE, DOT1D_TP_FDB_TABLE, DOT1Q_TP_FDB_TABLE } from '../mibs/bridge-mib.js';
import { CDP_CACHE_TABLE, readCdpNeighbours } from '../mibs/cdp-mib.js';
import { ENT_PHYSICAL_TABLE, readEntities } from '../mibs/entity-mib.js';
import {
  HR_DEVICE_TABLE, HR_STORAGE_TABLE, HR_SW_INSTALLED_TABLE, readHostDevices, readInstalledSoftware, readStorage,
} from '../mibs/host-resources-mib.js';
import { IF_TABLE, IF_X_TABLE, readInterfaces } from '../mibs/if-mib.js';
import { IP_AD_ENT_TABLE, IP_ADDRESS_TABLE, readAddresses } from '../mibs/ip-mib.js';
import { LLDP_LOC_PORT_TABLE, LLDP_REM_MAN_ADDR_TABLE, LLDP_REM_TABLE, readLldpNeighbours } from '../mibs/lldp-mib.js';
import { PRT_MARKER_TABLE, PRT_SUPPLIES_TABLE, readPrinter } from '../mibs/printer-mib.js';
import { CellReader } from '../values/cell-reader.js';
import type { ProblemLog } from '../values/problem-log.js';
import type { WalkOutcome } from '../walk/walk-columns.js';
import { tableRows, type TableSpec } from '../walk/table-rows.js';

export type DeviceTables = Pick<
  SnmpProbeResult,
  'interfaces' | 'addresses' | 'software' | 'storage' | 'hostDevices' | 'entities' | 'neighbours' | 'forwarding' | 'printer'
>;

/** Turns the walked tables into the typed lists of a probe result. */
export function readTables(outcomes: Map<TableSpec, WalkOutcome>, device: string, problems: ProblemLog): DeviceTables {
  const rows = (spec: TableSpec) => tableRows(spec, outcomes.get(spec));
  const cells = (spec: TableSpec) => new CellReader(device, `walk:${spec.name}`, problems);
  const interfaces = readInterfaces(rows(IF_TABLE), rows(IF_X_TABLE), cells(IF_TABLE));
  return {
    interfaces,
    addresses: readAddresses(rows(IP_AD_ENT_TABLE), rows(IP_ADDRESS_TABLE), cells(IP_AD_ENT_TABLE)),
    software: readInstalledSoftware(rows(HR_SW_INSTALLED_TABLE), cells(HR_SW_INSTALLED_TABLE)),
    storage: readStorage(rows(HR_STORAGE_TABLE), cells(HR_STORAGE_TABLE)),
    hostDevices: readHostDevices(rows(HR_DEVICE_TABLE), cells(HR_DEVICE_TABLE)),
    entities: readEntities(rows(ENT_PHYSICAL_TABLE), cells(ENT_PHYSICAL_TABLE)),
    neighbours: [
      ...readLldpNeighbours(rows(LLDP_REM_TABLE), rows(LLDP_LOC_PORT_TABLE), rows(LLDP_REM_MAN_ADDR_TABLE), interfaces, cells(LLDP_REM_TABLE)),
      ...readCdpNeighbours(rows(CDP_CACHE_TABLE), interfaces, cells(CDP_CACHE_TABLE)),
    ],
    forwarding: readForwarding(
      rows(DOT1D_TP_FDB_TABLE),
      rows(DOT1Q_TP_FDB_TABLE),
      readBridgePorts(rows(DOT1D_BASE_PORT_TABLE), cells(DOT1D_BASE_PORT_TABLE)),
      interfaces,
      cells(DOT1D_TP_FDB_TABLE),
    ),
    printer: readPrinter(rows(PRT_MARKER_TABLE), rows(PRT_SUPPLIES_TABLE), cells(PRT_MARKER_TABLE)),
  };
}
