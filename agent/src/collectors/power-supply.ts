import type { HardwareInfo } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { listDir, readSysFiles } from './read-sys.js';

type Battery = NonNullable<HardwareInfo['batteries']>[number];

const FILES = [
  'type', 'scope', 'manufacturer', 'model_name', 'serial_number', 'technology', 'energy_full_design', 'energy_full',
  'charge_full_design', 'charge_full', 'voltage_min_design', 'cycle_count', 'status',
] as const;

export type PowerSupplyFiles = Partial<Record<(typeof FILES)[number], string>>;

/**
 * One battery from /sys/class/power_supply/<name>. Capacities are in µWh (energy_*) or, on some
 * firmware, in µAh (charge_*), which the minimum design voltage (µV) turns into energy. Batteries
 * of attached devices (mice, headsets: scope "Device") are not the machine's.
 */
export function powerSupplyBattery(name: string, files: PowerSupplyFiles): Battery | undefined {
  if (files.type !== 'Battery' || files.scope === 'Device') return undefined;
  const volts = Number(files.voltage_min_design) / 1e6;
  const wh = (energy?: string, charge?: string) =>
    positive(Number(energy) / 1e6) ?? (positive(volts) ? positive((Number(charge) / 1e6) * volts) : undefined);
  const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);
  return {
    name,
    manufacturer: known(files.manufacturer),
    model: known(files.model_name),
    serial: known(files.serial_number),
    chemistry: known(files.technology),
    designCapacityWh: round(wh(files.energy_full_design, files.charge_full_design)),
    fullChargeCapacityWh: round(wh(files.energy_full, files.charge_full)),
    cycleCount: Number(files.cycle_count) >= 0 && files.cycle_count ? Number(files.cycle_count) : undefined,
    status: known(files.status),
  };
}

export async function readBatteries(root = '/sys/class/power_supply'): Promise<Battery[]> {
  const names = await listDir(root);
  const batteries = await Promise.all(names.map(async (name) => powerSupplyBattery(name, await readSysFiles(`${root}/${name}`, FILES))));
  return batteries.filter((b): b is Battery => b !== undefined);
}
