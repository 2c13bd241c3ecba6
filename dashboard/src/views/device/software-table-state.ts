import type { SoftwareEntry } from '@steward/shared';

export type SoftwareSortKey = 'name' | 'version' | 'publisher' | 'source' | 'installDate';

export interface SoftwareView {
  text: string;
  source: string;
  sort: SoftwareSortKey;
  order: 'asc' | 'desc';
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The device's software as the table shows it. A device reports at most one list, whole, so
 * filtering happens here rather than with a request per keystroke.
 */
export function selectSoftware(entries: readonly SoftwareEntry[], view: SoftwareView): SoftwareEntry[] {
  const needle = view.text.trim().toLowerCase();
  const matches = entries.filter((entry) =>
    (!view.source || entry.source === view.source) &&
    (!needle || [entry.name, entry.version, entry.publisher].some((field) => field?.toLowerCase().includes(needle))));
  const direction = view.order === 'asc' ? 1 : -1;
  return matches.sort((a, b) => compareMissingLast(a[view.sort], b[view.sort], direction) || collator.compare(a.name, b.name));
}

/** The sources present on this device, for the source filter. */
export function softwareSources(entries: readonly SoftwareEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.source))].sort();
}

/** Unknown values sink to the bottom whichever the direction: they are never what one looks for. */
function compareMissingLast(a: string | undefined, b: string | undefined, direction: number): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return direction * collator.compare(a, b);
}
