import { CDP_CACHE_TABLE } from '../mibs/cdp-mib.js';
import { DOT1D_BASE_PORT_TABLE, DOT1D_TP_FDB_TABLE, DOT1Q_TP_FDB_TABLE } from '../mibs/bridge-mib.js';
import { ENT_PHYSICAL_TABLE } from '../mibs/entity-mib.js';
import { HR_DEVICE_TABLE, HR_STORAGE_TABLE, HR_SW_INSTALLED_TABLE } from '../mibs/host-resources-mib.js';
import { IF_TABLE, IF_X_TABLE } from '../mibs/if-mib.js';
import { IP_AD_ENT_TABLE, IP_ADDRESS_TABLE } from '../mibs/ip-mib.js';
import { LLDP_LOC_PORT_TABLE, LLDP_REM_MAN_ADDR_TABLE, LLDP_REM_TABLE } from '../mibs/lldp-mib.js';
import { PRT_MARKER_TABLE, PRT_SUPPLIES_TABLE } from '../mibs/printer-mib.js';
import type { TableSpec } from '../walk/table-rows.js';

/** Every table a probe reads, and the tables that are only worth reading when another has rows. */
export const PROBE_TABLES: readonly TableSpec[] = [
  IF_TABLE, IF_X_TABLE, IP_AD_ENT_TABLE, IP_ADDRESS_TABLE, ENT_PHYSICAL_TABLE,
  HR_SW_INSTALLED_TABLE, HR_STORAGE_TABLE, HR_DEVICE_TABLE,
  LLDP_REM_TABLE, LLDP_LOC_PORT_TABLE, LLDP_REM_MAN_ADDR_TABLE, CDP_CACHE_TABLE,
  DOT1D_BASE_PORT_TABLE, DOT1D_TP_FDB_TABLE, DOT1Q_TP_FDB_TABLE,
  PRT_MARKER_TABLE, PRT_SUPPLIES_TABLE,
];

const NEEDED_ONLY_WITH: ReadonlyMap<TableSpec, readonly TableSpec[]> = new Map([
  [LLDP_LOC_PORT_TABLE, [LLDP_REM_TABLE]],
  [LLDP_REM_MAN_ADDR_TABLE, [LLDP_REM_TABLE]],
  [DOT1D_BASE_PORT_TABLE, [DOT1D_TP_FDB_TABLE, DOT1Q_TP_FDB_TABLE]],
]);

/** The tables to walk, given which ones the agent has rows in. */
export function tablesToWalk(present: ReadonlySet<TableSpec>): TableSpec[] {
  return PROBE_TABLES.filter((spec) => {
    if (!present.has(spec)) return false;
    const needs = NEEDED_ONLY_WITH.get(spec);
    return !needs || needs.some((t) => present.has(t));
  });
}
