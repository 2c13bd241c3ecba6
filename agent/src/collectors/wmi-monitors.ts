import type { HardwareInfo } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { wmiList, wmiNumber, type WmiObject } from './wmi-objects.js';
import { repairDeep } from './text-repair.js';

/** WmiMonitorID stores its strings as arrays of UTF-16 code units, zero padded. */
function codeUnits(object: WmiObject, name: string): string | undefined {
  const units = wmiList(object, name).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return known(String.fromCharCode(...units));
}

/** root\wmi WmiMonitorID: the monitors connected now, as their EDID names them. */
export function wmiMonitors(monitors: WmiObject[]): NonNullable<HardwareInfo['monitors']> {
  return repairDeep(monitors.map((m) => ({
    manufacturer: codeUnits(m, 'ManufacturerName'),
    model: codeUnits(m, 'UserFriendlyName') ?? codeUnits(m, 'ProductCodeID'),
    serial: codeUnits(m, 'SerialNumberID'),
    manufactureYear: positive(wmiNumber(m, 'YearOfManufacture')),
  })));
}
