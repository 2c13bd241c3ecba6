import type { SoftwareEntry } from '../protocol.js';
import { entriesOf, softwareEntry } from './software-entry.js';

/** Alpine's database of installed packages: what `apk info` itself reads, without starting apk. */
export const APK_INSTALLED_DB = '/lib/apk/db/installed';

/**
 * Parses the apk installed database: one block a package, blank-line separated, each line a
 * one-letter field (P name, V version, A arch, m maintainer, o origin) and a colon.
 */
export function parseApkInstalled(text: string): SoftwareEntry[] {
  return entriesOf(text.split(/\r?\n\r?\n/).map((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split(/\r?\n/)) {
      if (line.length > 2 && line[1] === ':' && !fields.has(line[0]!)) fields.set(line[0]!, line.slice(2));
    }
    return softwareEntry({
      name: fields.get('P'),
      version: fields.get('V'),
      arch: fields.get('A'),
      publisher: fields.get('m'),
      source: 'apk',
    });
  }));
}
