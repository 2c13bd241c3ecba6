import type { SoftwareEntry } from '../protocol.js';
import { repairText } from './text-repair.js';

/** Field lengths the wire schema allows; longer text is cut here so one odd entry cannot fail the report. */
const LIMITS = {
  name: 512, version: 256, publisher: 512, installDate: 64, arch: 64, installLocation: 2048, productCode: 256,
} as const;

type TextField = keyof typeof LIMITS;

export type SoftwareFields = { name: string | undefined; source: SoftwareEntry['source'] } &
  Partial<Record<TextField, string | undefined | null>> &
  Pick<SoftwareEntry, 'systemComponent' | 'licence'>;

/** Repairs, trims and bounds one string; empty means unknown. */
export function cleanText(value: string | undefined | null, max = 1024): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = repairText(value).trim();
  return text ? Array.from(text).slice(0, max).join('') : undefined;
}

/**
 * Builds a software entry from what a parser read, or undefined when it has no name. Every text
 * field is repaired (invalid sequences, control characters), trimmed, bounded, and left out when empty.
 */
export function softwareEntry(fields: SoftwareFields): SoftwareEntry | undefined {
  const name = cleanText(fields.name, LIMITS.name);
  if (!name) return undefined;
  const entry: SoftwareEntry = { name, source: fields.source };
  for (const key of Object.keys(LIMITS) as TextField[]) {
    if (key === 'name') continue;
    const value = cleanText(fields[key], LIMITS[key]);
    if (value !== undefined) entry[key] = value;
  }
  if (fields.systemComponent !== undefined) entry.systemComponent = fields.systemComponent;
  if (fields.licence) entry.licence = fields.licence;
  return entry;
}

/** Collects the entries that have a name. */
export function entriesOf(candidates: Iterable<SoftwareEntry | undefined>): SoftwareEntry[] {
  const entries: SoftwareEntry[] = [];
  for (const entry of candidates) if (entry) entries.push(entry);
  return entries;
}
