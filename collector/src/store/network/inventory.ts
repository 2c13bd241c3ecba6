import type {
  SnmpAddress, SnmpEntity, SnmpForwardingEntry, SnmpInterface, SnmpNeighbour, SnmpPrinterSupply,
} from '@steward/shared';
import type { Queryable } from '../database.js';

/** A table holding one device's rows from its last probe, and how each column reads from a row object. */
interface InventoryTable<T> {
  table: string;
  /** column name, SQL type, and the value for one item. */
  columns: Array<[string, string, (item: T) => unknown]>;
}

/**
 * Replaces every row a device has in one table with the new list, in one statement each way: the
 * rows travel as one JSON parameter (see insertInstalledSoftware). Table and column names come from
 * the constant specs below, never from input.
 */
async function replaceRows<T>(db: Queryable, spec: InventoryTable<T>, deviceId: string, items: T[]): Promise<void> {
  await db.query(`delete from ${spec.table} where device_id = $1`, [deviceId]);
  if (items.length === 0) return;
  const names = spec.columns.map(([name]) => name).join(', ');
  const rows = items.map((item) => Object.fromEntries(spec.columns.map(([name, , read]) => [name, read(item) ?? null])));
  await db.query(
    `insert into ${spec.table} (device_id, ${names})
     select $1, ${names} from json_to_recordset($2::json) as r(${spec.columns.map(([name, type]) => `${name} ${type}`).join(', ')})`,
    [deviceId, JSON.stringify(rows)],
  );
}

const INTERFACES: InventoryTable<SnmpInterface> = {
  table: 'snmp_interfaces',
  columns: [
    ['if_index', 'integer', (i) => i.ifIndex], ['name', 'text', (i) => i.name], ['descr', 'text', (i) => i.descr],
    ['alias', 'text', (i) => i.alias], ['type', 'integer', (i) => i.type], ['mtu', 'integer', (i) => i.mtu],
    ['speed_bps', 'bigint', (i) => i.speedBps], ['mac', 'text', (i) => i.mac], ['admin_status', 'text', (i) => i.adminStatus],
    ['oper_status', 'text', (i) => i.operStatus],
  ],
};

const ADDRESSES: InventoryTable<SnmpAddress> = {
  table: 'snmp_addresses',
  columns: [
    ['family', 'text', (a) => a.family], ['address', 'text', (a) => a.address],
    ['prefix_length', 'integer', (a) => a.prefixLength], ['if_index', 'integer', (a) => a.ifIndex],
  ],
};

const NEIGHBOURS: InventoryTable<SnmpNeighbour> = {
  table: 'snmp_neighbours',
  columns: [
    ['protocol', 'text', (n) => n.protocol], ['local_if_index', 'integer', (n) => n.localIfIndex], ['local_port', 'text', (n) => n.localPort],
    ['remote_chassis_id', 'text', (n) => n.remoteChassisId], ['remote_port_id', 'text', (n) => n.remotePortId],
    ['remote_port_descr', 'text', (n) => n.remotePortDescr], ['remote_sys_name', 'text', (n) => n.remoteSysName],
    ['remote_sys_descr', 'text', (n) => n.remoteSysDescr], ['remote_platform', 'text', (n) => n.remotePlatform],
    ['remote_address', 'text', (n) => n.remoteAddress],
  ],
};

const forwardingTable = (seenAt: string): InventoryTable<SnmpForwardingEntry> => ({
  table: 'snmp_forwarding',
  columns: [
    ['source', 'text', (f) => f.source], ['mac', 'text', (f) => f.mac], ['bridge_port', 'integer', (f) => f.bridgePort],
    ['if_index', 'integer', (f) => f.ifIndex], ['if_name', 'text', (f) => f.ifName], ['vlan', 'integer', (f) => f.fdbId],
    ['status', 'text', (f) => f.status], ['seen_at', 'timestamptz', () => seenAt],
  ],
});

const SUPPLIES: InventoryTable<SnmpPrinterSupply> = {
  table: 'snmp_printer_supplies',
  columns: [
    ['supply_index', 'text', (s) => s.index], ['description', 'text', (s) => s.description], ['type', 'text', (s) => s.type],
    ['unit', 'text', (s) => s.unit], ['max_capacity', 'integer', (s) => s.maxCapacity], ['level', 'integer', (s) => s.level],
    ['percent', 'double precision', (s) => s.percent],
  ],
};

const ENTITIES: InventoryTable<SnmpEntity> = {
  table: 'snmp_entities',
  columns: [
    ['ent_index', 'integer', (e) => e.index], ['class', 'text', (e) => e.class], ['descr', 'text', (e) => e.descr],
    ['name', 'text', (e) => e.name], ['model', 'text', (e) => e.model], ['serial', 'text', (e) => e.serial],
    ['hardware_rev', 'text', (e) => e.hardwareRev], ['firmware_rev', 'text', (e) => e.firmwareRev],
    ['software_rev', 'text', (e) => e.softwareRev], ['manufacturer', 'text', (e) => e.manufacturer],
    ['contained_in', 'integer', (e) => e.containedIn], ['is_fru', 'boolean', (e) => e.isFru],
  ],
};

export interface DeviceInventoryTables {
  interfaces: SnmpInterface[];
  addresses: SnmpAddress[];
  neighbours: SnmpNeighbour[];
  forwarding: SnmpForwardingEntry[];
  supplies: SnmpPrinterSupply[];
  entities: SnmpEntity[];
}

/** What one probe found replaces what the previous probe of the device found. */
export async function replaceDeviceInventory(db: Queryable, deviceId: string, found: DeviceInventoryTables, seenAt: string): Promise<void> {
  await replaceRows(db, INTERFACES, deviceId, dedupe(found.interfaces, (i) => String(i.ifIndex)));
  await replaceRows(db, ADDRESSES, deviceId, found.addresses);
  await replaceRows(db, NEIGHBOURS, deviceId, found.neighbours);
  await replaceRows(db, forwardingTable(seenAt), deviceId, found.forwarding);
  await replaceRows(db, SUPPLIES, deviceId, dedupe(found.supplies, (s) => s.index));
  await replaceRows(db, ENTITIES, deviceId, dedupe(found.entities, (e) => String(e.index)));
}

/** The tables keyed by index keep the first row of each index an agent repeats. */
function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}
