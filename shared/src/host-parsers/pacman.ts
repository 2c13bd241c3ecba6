import type { SoftwareEntry } from '../protocol.js';
import { entriesOf, softwareEntry } from './software-entry.js';
import { isoDate } from './install-date.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * pacman prints dates with the C locale's %c ("Wed Sep 12 10:55:23 2018"); newer releases put the
 * day before the month ("Wed 12 Sep 2018 10:55:23 AM CEST"). Both read; the time of day is dropped.
 */
export function parsePacmanDate(value: string | undefined): string | undefined {
  const words = value?.trim().split(/\s+/) ?? [];
  const monthIndex = words.findIndex((w) => MONTHS.includes(w.slice(0, 3).toLowerCase()) && /^[a-z]+$/i.test(w));
  const year = words.find((w) => /^\d{4}$/.test(w));
  if (monthIndex < 0 || !year) return undefined;
  const day = [words[monthIndex + 1], words[monthIndex - 1]].find((w) => w !== undefined && /^\d{1,2}$/.test(w));
  return day ? isoDate(Number(year), MONTHS.indexOf(words[monthIndex]!.slice(0, 3).toLowerCase()) + 1, Number(day)) : undefined;
}

/** Parses `pacman -Qi`: one block a package, "Field : value" lines; continuation lines start with spaces. */
export function parsePacmanQuery(output: string): SoftwareEntry[] {
  return entriesOf(output.split(/\r?\n\s*\r?\n/).map((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split(/\r?\n/)) {
      const match = /^(\S[^:]*?)\s*:\s?(.*)$/.exec(line);
      if (match) fields.set(match[1]!, match[2]!);
    }
    const publisher = fields.get('Packager');
    return softwareEntry({
      name: fields.get('Name'),
      version: fields.get('Version'),
      arch: fields.get('Architecture'),
      publisher: publisher === 'Unknown Packager' ? undefined : publisher,
      installDate: parsePacmanDate(fields.get('Install Date')),
      source: 'pacman',
    });
  }));
}
