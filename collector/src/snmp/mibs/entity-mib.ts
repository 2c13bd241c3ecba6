import { identityValue, type SnmpEntity } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { singleIndex, type TableRows, type TableSpec } from '../walk/table-rows.js';

export const ENT_PHYSICAL_TABLE: TableSpec = {
  name: 'entPhysicalTable',
  entry: '1.3.6.1.2.1.47.1.1.1.1',
  // Descr, ContainedIn, Class, Name, HardwareRev, FirmwareRev, SoftwareRev, SerialNum, MfgName, ModelName, IsFRU
  columns: [2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 16],
};

// Indexed by entPhysicalClass - 1; RFC 6933 added 13-15, which older code took for unclassed rows (a chassis candidate).
const CLASSES = ['other', 'unknown', 'chassis', 'backplane', 'container', 'powerSupply', 'fan', 'sensor', 'module', 'port', 'stack', 'cpu', 'energyObject', 'battery', 'storageDrive'] as const;

/** ENTITY-MIB physical entities: chassis, modules, power supplies, fans, transceivers. */
export function readEntities(rows: TableRows, cells: CellReader): SnmpEntity[] {
  const found: SnmpEntity[] = [];
  for (const [index, row] of rows) {
    const i = singleIndex(index);
    if (i === undefined) continue;
    const fru = cells.integer(row.get(16), 'entPhysicalIsFRU');
    found.push({
      index: i,
      class: CLASSES[(cells.integer(row.get(5), 'entPhysicalClass') ?? 0) - 1],
      descr: cells.text(row.get(2), 'entPhysicalDescr', 255),
      name: cells.text(row.get(7), 'entPhysicalName', 255),
      model: cells.text(row.get(13), 'entPhysicalModelName', 255),
      serial: cells.text(row.get(11), 'entPhysicalSerialNum', 128),
      hardwareRev: cells.text(row.get(8), 'entPhysicalHardwareRev', 128),
      firmwareRev: cells.text(row.get(9), 'entPhysicalFirmwareRev', 128),
      softwareRev: cells.text(row.get(10), 'entPhysicalSoftwareRev', 128),
      manufacturer: cells.text(row.get(12), 'entPhysicalMfgName', 255),
      containedIn: cells.count(row.get(4), 'entPhysicalContainedIn'),
      isFru: fru === 1 ? true : fru === 2 ? false : undefined,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A row states the device when its model or serial is a value, not a placeholder ('<private>', 'N/A'). */
const stated = (e: SnmpEntity) => Boolean(identityValue(e.model) ?? identityValue(e.serial));

/**
 * The device itself, as the agent numbers its hardware from the top: the first chassis that states
 * a model or serial (a stack lists its members' chassis below it), else the first chassis; where no
 * row has the chassis class, the top row (contained in nothing, or in a row not listed), one that states a
 * model or serial first.
 */
export function chassisOf(entities: SnmpEntity[]): SnmpEntity | undefined {
  const chassis = entities.filter((e) => e.class === 'chassis');
  if (chassis.length > 0) return chassis.find(stated) ?? chassis[0];
  const unclassed = (e: SnmpEntity) => e.class === undefined || e.class === 'other' || e.class === 'unknown' || e.class === 'stack';
  // A row whose container the agent does not list stands at the top too (a walk that lost its parent row).
  const listed = new Set(entities.map((e) => e.index));
  const top = entities.filter((e) => (!e.containedIn || !listed.has(e.containedIn)) && unclassed(e));
  return top.find(stated) ?? top[0];
}

/** A serial number a row's description states ("SSR 8020 backplane SN:DH80092734 Rev:R3L ..."). */
const SERIAL_IN_DESCR = /(?:^|\s)(?:SN|S\/N)\s*[:#]\s*([A-Za-z0-9][\w\-]*\d[\w\-]*)/;

/**
 * The serial of a chassis whose row states none, as its backplane states it: the backplane is built
 * into the chassis (not field-replaceable), and some makers keep the unit's identity there (Ericsson's
 * routers and MINI-LINK nodes). The backplane is the row classed so directly inside the chassis or,
 * where the agent lists no classes and no containment, a top row whose description calls it the
 * backplane; its serial is entPhysicalSerialNum, or one its description states.
 */
export function backplaneSerial(entities: SnmpEntity[], chassis: SnmpEntity | undefined): string | undefined {
  if (!chassis || identityValue(chassis.serial)) return undefined;
  const unlisted = (e: SnmpEntity) => e.class === undefined && !e.containedIn && !chassis.containedIn;
  const backplanes = entities.filter((e) => e !== chassis && e.isFru !== true
    && ((e.class === 'backplane' && e.containedIn === chassis.index) || (unlisted(e) && /\bbackplane\b/i.test(e.descr ?? ''))));
  const serials = backplanes.flatMap((e) => identityValue(e.serial) ?? identityValue(SERIAL_IN_DESCR.exec(e.descr ?? '')?.[1]) ?? []);
  return serials.length === 1 ? serials[0] : undefined;
}

/**
 * The serial of a fixed unit whose chassis row states none: some makers stamp it on the unit's one
 * board (Huawei's fixed switches and controllers list a chassis row with an empty serial and, in a slot
 * below it, the main board with the unit's barcode). Only where exactly one module below the chassis
 * states a serial: a chassis holding several boards is modular, and no one board's serial is its own.
 */
export function soleBoardSerial(entities: SnmpEntity[], chassis: SnmpEntity | undefined): string | undefined {
  if (!chassis || chassis.class !== 'chassis' || identityValue(chassis.serial)) return undefined;
  const byIndex = new Map(entities.map((e) => [e.index, e]));
  const below = (e: SnmpEntity): boolean => {
    const seen = new Set<number>();
    for (let at = e.containedIn; at && !seen.has(at); at = byIndex.get(at)?.containedIn) {
      if (at === chassis.index) return true;
      seen.add(at);
    }
    return false;
  };
  const modules = entities.filter((e) => e.class === 'module' && below(e));
  const stating = modules.filter((e) => identityValue(e.serial));
  return modules.length === 1 && stating.length === 1 ? identityValue(stating[0]!.serial) : undefined;
}
