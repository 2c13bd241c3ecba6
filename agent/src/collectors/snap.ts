import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { entriesOf, softwareEntry } from './software-entry.js';

/**
 * Parses `snap list --color never`: a header line, then one snap a line in space-aligned columns
 * Name, Version, Rev, Tracking, Publisher, Notes. The publisher loses its verification mark
 * (`*`, or a check mark with --unicode=always); "-" means none. Disabled revisions are skipped.
 */
export function parseSnapList(output: string): SoftwareEntry[] {
  const lines = output.split(/\r?\n/).filter((line) => line.trim());
  const header = lines[0]?.trim().split(/\s+/) ?? [];
  if (header[0] !== 'Name') return [];
  const column = (name: string) => header.indexOf(name);
  return entriesOf(lines.slice(1).map((line) => {
    const cells = line.trim().split(/\s+/);
    const notes = cells[column('Notes')] ?? '';
    if (notes.split(',').includes('disabled')) return undefined;
    const publisher = cells[column('Publisher')]?.replace(/[*✓✪]+$/u, '');
    return softwareEntry({
      name: cells[column('Name')],
      version: cells[column('Version')],
      publisher: publisher === '-' ? undefined : publisher,
      source: 'snap',
    });
  }));
}

export async function collectSnap(): Promise<SoftwareEntry[]> {
  if (!onPath('snap')) return [];
  const output = await runCommand('snap', ['list', '--color', 'never', '--unicode', 'never'], { timeoutMs: 20_000 });
  return output === null ? [] : parseSnapList(output);
}
