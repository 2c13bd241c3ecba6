import { readFile } from 'node:fs/promises';
import { softwareEntry as softwareEntrySchema, type SoftwareEntry } from '@steward/shared/protocol';
import { softwareEntry } from './collectors/software-entry.js';

/**
 * Software that no package manager knows of (a vendor tool copied into /opt, a licensed plug-in),
 * listed by hand or by a deployment tool in a JSON file: an array of entries, or {"software": [...]},
 * each at least {"name": "..."}, with the fields of a report's software entries. Source defaults
 * to "other". Entries that do not fit the schema are left out, the rest still count.
 */
export function parseExtraSoftware(json: string): { entries: SoftwareEntry[]; skipped: number } {
  const parsed: unknown = JSON.parse(json);
  const list = Array.isArray(parsed) ? parsed : (parsed as { software?: unknown } | null)?.software;
  if (!Array.isArray(list)) throw new Error('expected an array of software entries, or {"software": [...]}');
  const entries: SoftwareEntry[] = [];
  let skipped = 0;
  for (const item of list) {
    const checked = softwareEntrySchema.safeParse({ source: 'other', ...(item as object) });
    const entry = checked.success ? softwareEntry(checked.data) : undefined;
    if (entry) entries.push(entry);
    else skipped++;
  }
  return { entries, skipped };
}

/** Reads the extra software file; a missing file lists nothing, an unreadable one is an error worth a log line. */
export async function readExtraSoftware(file: string): Promise<{ entries: SoftwareEntry[]; skipped: number }> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
    throw error;
  }
  return parseExtraSoftware(json);
}
