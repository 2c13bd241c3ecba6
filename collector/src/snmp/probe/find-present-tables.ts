import snmp from 'net-snmp';
import type { SnmpAgent } from '../session/snmp-agent.js';
import { isBelow } from '../walk/oid-order.js';
import type { TableSpec } from '../walk/table-rows.js';

/**
 * Which tables have at least one row: one GETNEXT per table entry, all in one request, so that a
 * probe spends no GETBULK on the many tables a device does not implement. SNMPv1 cannot ask this
 * in one request (one table at the end of the MIB fails it all), so there every table counts as present.
 */
export async function findPresentTables(client: SnmpAgent, tables: readonly TableSpec[]): Promise<Set<TableSpec>> {
  if (!client.usesBulk) return new Set(tables);
  const varbinds = await client.getNext(tables.map((t) => t.entry));
  return new Set(tables.filter((t, i) => {
    const vb = varbinds[i];
    return vb !== undefined && !snmp.isVarbindError(vb) && isBelow(t.entry, vb.oid);
  }));
}
