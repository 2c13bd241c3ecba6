import type { SnmpPrinter, SnmpPrinterSupply } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import type { TableRows, TableSpec } from '../walk/table-rows.js';

export const PRT_MARKER_TABLE: TableSpec = {
  name: 'prtMarkerTable',
  entry: '1.3.6.1.2.1.43.10.2.1',
  // prtMarkerCounterUnit, prtMarkerLifeCount
  columns: [3, 4],
};

export const PRT_SUPPLIES_TABLE: TableSpec = {
  name: 'prtMarkerSuppliesTable',
  entry: '1.3.6.1.2.1.43.11.1.1',
  // Type, Description, SupplyUnit, MaxCapacity, Level
  columns: [5, 6, 7, 8, 9],
};

const COUNTER_UNITS: Record<number, string> = {
  3: 'tenThousandthsOfInches', 4: 'micrometers', 5: 'characters', 6: 'lines', 7: 'impressions', 8: 'sheets',
  9: 'dotRow', 11: 'hours', 16: 'feet', 17: 'meters',
};
const SUPPLY_UNITS: Record<number, string> = {
  1: 'other', 2: 'unknown', 3: 'tenThousandthsOfInches', 4: 'micrometers', 7: 'impressions', 8: 'sheets', 11: 'hours',
  12: 'thousandthsOfOunces', 13: 'tenthsOfGrams', 14: 'hundrethsOfFluidOunces', 15: 'tenthsOfMilliliters', 16: 'feet',
  17: 'meters', 18: 'items', 19: 'percent',
};
const SUPPLY_TYPES = [
  'other', 'unknown', 'toner', 'wasteToner', 'ink', 'inkCartridge', 'inkRibbon', 'wasteInk', 'opc', 'developer', 'fuserOil',
  'solidWax', 'ribbonWax', 'wasteWax', 'fuser', 'coronaWire', 'fuserOilWick', 'cleanerUnit', 'fuserCleaningPad',
  'transferUnit', 'tonerCartridge', 'fuserOiler', 'water', 'wasteWater', 'glueWaterAdditive', 'wastePaper',
  'bindingSupply', 'bandingSupply', 'stitchingWire', 'shrinkWrap', 'paperWrap', 'staples', 'inserts', 'covers',
];
const PAGE_UNITS = new Set(['impressions', 'sheets']);

/** Printer-MIB page counters and supply levels; undefined for devices that are not printers. */
export function readPrinter(markers: TableRows, supplies: TableRows, cells: CellReader): SnmpPrinter | undefined {
  if (markers.size === 0 && supplies.size === 0) return undefined;
  const markerList = [...markers].map(([index, row]) => ({
    index: index.slice(0, 64),
    lifeCount: cells.count(row.get(4), 'prtMarkerLifeCount'),
    unit: COUNTER_UNITS[cells.integer(row.get(3), 'prtMarkerCounterUnit') ?? 0],
  }));
  const pages = markerList.find((m) => m.lifeCount !== undefined && (m.unit === undefined || PAGE_UNITS.has(m.unit)));
  return {
    pageCount: pages?.lifeCount,
    markers: markerList.slice(0, 64),
    supplies: [...supplies].slice(0, 256).map(([index, row]) => readSupply(index, row, cells)),
  };
}

function readSupply(index: string, row: Map<number, import('net-snmp').Varbind>, cells: CellReader): SnmpPrinterSupply {
  const max = cells.integer(row.get(8), 'prtMarkerSuppliesMaxCapacity');
  const level = cells.integer(row.get(9), 'prtMarkerSuppliesLevel');
  return {
    index: index.slice(0, 64),
    description: cells.text(row.get(6), 'prtMarkerSuppliesDescription', 255),
    type: SUPPLY_TYPES[(cells.integer(row.get(5), 'prtMarkerSuppliesType') ?? 0) - 1],
    unit: SUPPLY_UNITS[cells.integer(row.get(7), 'prtMarkerSuppliesSupplyUnit') ?? 0],
    maxCapacity: max,
    level,
    percent: max !== undefined && level !== undefined && max > 0 && level >= 0 ? Math.min(100, Math.round((level / max) * 1000) / 10) : undefined,
  };
}
