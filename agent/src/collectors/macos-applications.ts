import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { entriesOf, softwareEntry } from './software-entry.js';
import { parsePlistXml, type PlistValue } from './plist-xml.js';
import { isoDate } from './install-date.js';

type Item = { [key: string]: PlistValue };

/** "Developer ID Application: Google LLC (EQHXZ8M8AV)" → "Google LLC"; Apple's own chain → Apple Inc. */
export function signerName(signedBy: PlistValue | undefined, obtainedFrom?: string): string | undefined {
  const first = Array.isArray(signedBy) ? signedBy[0] : typeof signedBy === 'string' ? signedBy.split(',')[0] : undefined;
  const developer = typeof first === 'string' ? /^(?:Developer ID Application|Apple Mac OS Application Signing|Apple Distribution|3rd Party Mac Developer Application):\s*(.+?)(?:\s*\([A-Z0-9]+\))?$/.exec(first.trim())?.[1] : undefined;
  if (developer) return developer;
  if (first === 'Software Signing' || obtainedFrom?.toLowerCase() === 'apple') return 'Apple Inc.';
  return undefined;
}

function appEntry(item: Item): SoftwareEntry | undefined {
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : undefined);
  const modified = item.lastModified;
  return softwareEntry({
    name: text('_name'),
    version: text('version'),
    publisher: signerName(item.signed_by, text('obtained_from')),
    installDate: modified instanceof Date && !Number.isNaN(modified.getTime()) ? modified.toISOString().slice(0, 10)
      : typeof modified === 'string' ? modified.slice(0, 10) : undefined,
    installLocation: text('path'),
    source: 'app-bundle',
  });
}

/** `system_profiler SPApplicationsDataType -json`: {"SPApplicationsDataType": [ {_name, version, path, lastModified, signed_by...} ]}. */
export function parseApplicationsJson(json: string): SoftwareEntry[] {
  try {
    const parsed = JSON.parse(json) as { SPApplicationsDataType?: Item[] };
    return entriesOf((parsed.SPApplicationsDataType ?? []).map(appEntry));
  } catch {
    return [];
  }
}

/** `system_profiler SPApplicationsDataType -xml`: an array of data-type dicts whose _items are the applications. */
export function parseApplicationsXml(xml: string): SoftwareEntry[] {
  const root = parsePlistXml(xml);
  const sections = (Array.isArray(root) ? root : [root]) as Item[];
  const items = sections.flatMap((section) => (section && Array.isArray(section._items) ? (section._items as Item[]) : []));
  return entriesOf(items.map(appEntry));
}

/** "6/27/09 8:18 AM" (the text form's Last Modified): month/day/two-digit year. */
function shortUsDate(value: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(value ?? '');
  if (!match) return undefined;
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return isoDate(year, Number(match[1]), Number(match[2]));
}

/**
 * The text form: "Applications:", then each application as a line indented by four spaces ending
 * in a colon, followed by its "Key: Value" lines indented by six.
 */
export function parseApplicationsText(text: string): SoftwareEntry[] {
  const apps: Array<{ name: string; fields: Map<string, string> }> = [];
  for (const line of text.split(/\r?\n/)) {
    const app = /^ {4}(\S.*):\s*$/.exec(line);
    if (app) {
      apps.push({ name: app[1]!, fields: new Map() });
      continue;
    }
    const field = /^ {6}(\S[^:]*):\s?(.*)$/.exec(line);
    if (field && apps.length) apps.at(-1)!.fields.set(field[1]!, field[2]!);
  }
  return entriesOf(apps.map(({ name, fields }) => softwareEntry({
    name,
    version: fields.get('Version'),
    publisher: signerName(fields.get('Signed by'), fields.get('Obtained from')),
    installDate: shortUsDate(fields.get('Last Modified')),
    installLocation: fields.get('Location'),
    source: 'app-bundle',
  })));
}

export async function collectMacApplications(): Promise<SoftwareEntry[]> {
  const json = await runCommand('system_profiler', ['SPApplicationsDataType', '-json'], { timeoutMs: 120_000 });
  if (json !== null && json.trim().startsWith('{')) return parseApplicationsJson(json);
  const xml = await runCommand('system_profiler', ['SPApplicationsDataType', '-xml'], { timeoutMs: 120_000 });
  return xml === null ? [] : parseApplicationsXml(xml);
}
