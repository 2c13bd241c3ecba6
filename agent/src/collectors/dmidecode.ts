import type { HardwareInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { known, positive } from './placeholder-values.js';
import { isoDate } from './install-date.js';
import { repairDeep } from './text-repair.js';

/** One DMI structure as dmidecode prints it: a handle line, a title line, then indented fields. */
export interface DmiRecord {
  type: number;
  title: string;
  fields: Map<string, string>;
}

/**
 * Parses dmidecode's text output into its structures. Fields are "Name: value" lines indented once;
 * deeper lines (flag lists, characteristics) are left out. Works whether the indent is a tab or
 * spaces and whether structures are blank-line separated or not.
 */
export function parseDmidecode(text: string): DmiRecord[] {
  const records: DmiRecord[] = [];
  let current: DmiRecord | undefined;
  let expectTitle = false;
  let fieldIndent: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const handle = /^Handle 0x[0-9A-Fa-f]+, DMI type (\d+)/.exec(raw);
    if (handle) {
      current = { type: Number(handle[1]), title: '', fields: new Map() };
      records.push(current);
      expectTitle = true;
      fieldIndent = undefined;
      continue;
    }
    if (!current || !raw.trim()) continue;
    if (expectTitle) {
      current.title = raw.trim();
      expectTitle = false;
      continue;
    }
    const indent = /^\s*/.exec(raw)![0];
    fieldIndent ??= indent;
    if (indent !== fieldIndent) continue;
    const colon = raw.indexOf(':');
    if (colon > 0) current.fields.set(raw.slice(0, colon).trim(), raw.slice(colon + 1).trim());
  }
  return records;
}

export type DmiHardware = Pick<HardwareInfo, 'system' | 'bios'> & {
  baseboard?: HardwareInfo['baseboard'];
  chassis?: HardwareInfo['chassis'];
  cpu: Pick<HardwareInfo['cpu'], 'manufacturer' | 'brand' | 'sockets' | 'cores' | 'threads' | 'speedGHz'>;
  memoryModules: HardwareInfo['memory']['modules'];
};

/** Maps DMI structures to hardware fields, dropping the placeholder values firmware leaves in. */
export function dmiHardware(records: DmiRecord[]): DmiHardware {
  const first = (type: number) => records.find((r) => r.type === type)?.fields;
  const system = first(1);
  const bios = first(0);
  const board = first(2);
  const chassis = first(3);
  return repairDeep({
    system: clean({
      manufacturer: known(system?.get('Manufacturer')),
      model: known(system?.get('Product Name')),
      serial: known(system?.get('Serial Number')),
      uuid: known(system?.get('UUID'))?.toLowerCase(),
      sku: known(system?.get('SKU Number')),
    }),
    bios: clean({
      vendor: known(bios?.get('Vendor')),
      version: known(bios?.get('Version')),
      releaseDate: dmiDate(bios?.get('Release Date')),
    }),
    baseboard: board && clean({
      manufacturer: known(board.get('Manufacturer')),
      model: known(board.get('Product Name')),
      serial: known(board.get('Serial Number')),
    }),
    chassis: chassis && clean({
      type: known(chassis.get('Type')),
      manufacturer: known(chassis.get('Manufacturer')),
      serial: known(chassis.get('Serial Number')),
    }),
    cpu: dmiCpu(records.filter((r) => r.type === 4)),
    memoryModules: records.filter((r) => r.type === 17).flatMap((r) => dmiMemoryModule(r.fields) ?? []),
  });
}

function dmiCpu(processors: DmiRecord[]): DmiHardware['cpu'] {
  // A socket without a processor still has a structure; its Status says "Unpopulated".
  const populated = processors.filter((p) => !/unpopulated/i.test(p.fields.get('Status') ?? ''));
  const sum = (field: string) => {
    const total = populated.reduce((n, p) => n + (Number(p.fields.get(field)) || 0), 0);
    return positive(total);
  };
  const head = populated[0]?.fields;
  const mhz = Number(/^(\d+)\s*MHz/.exec(head?.get('Current Speed') ?? '')?.[1]);
  return clean({
    manufacturer: known(head?.get('Manufacturer')),
    brand: known(head?.get('Version')),
    sockets: populated.length || undefined,
    cores: sum('Core Count'),
    threads: sum('Thread Count'),
    speedGHz: positive(mhz) && mhz / 1000,
  });
}

const SIZE_UNITS: Record<string, number> = { kB: 1024, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** "32 GB", "8192 MB": bytes; "No Module Installed" and the like: undefined. */
export function dmiSize(value: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(kB|KB|MB|GB|TB)$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) * SIZE_UNITS[match[2]!]! : undefined;
}

function dmiMemoryModule(fields: Map<string, string>): DmiHardware['memoryModules'][number] | undefined {
  const sizeBytes = dmiSize(fields.get('Size'));
  if (!sizeBytes) return undefined;
  const speed = Number(/^(\d+)\s*(MHz|MT\/s)/.exec(fields.get('Configured Memory Speed') ?? fields.get('Configured Clock Speed') ?? fields.get('Speed') ?? '')?.[1]);
  return clean({
    slot: known(fields.get('Locator')) ?? known(fields.get('Bank Locator')),
    sizeBytes,
    type: known(fields.get('Type')),
    speedMHz: positive(speed),
    manufacturer: known(fields.get('Manufacturer')),
    serial: known(fields.get('Serial Number')),
    partNumber: known(fields.get('Part Number')),
  });
}

/** BIOS dates are MM/DD/YYYY; two-digit years exist on old firmware. */
function dmiDate(value: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value?.trim() ?? '');
  if (!match) return known(value);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) - (Number(match[3]) > 69 ? 100 : 0) : Number(match[3]);
  return isoDate(year, Number(match[1]), Number(match[2])) ?? known(value);
}

/** Drops undefined fields, so merging into other sources' data never overwrites a value with nothing. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** dmidecode needs root to read the tables; as another user it is skipped. */
export async function collectDmidecode(): Promise<DmiHardware | undefined> {
  if (process.getuid?.() !== 0 || !onPath('dmidecode')) return undefined;
  const output = await runCommand('dmidecode', ['-t', '0,1,2,3,4,17'], { timeoutMs: 15_000 });
  return output === null ? undefined : dmiHardware(parseDmidecode(output));
}
