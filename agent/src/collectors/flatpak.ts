import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { entriesOf, softwareEntry } from './software-entry.js';

export type FlatpakColumn = 'application' | 'version' | 'branch' | 'arch' | 'origin' | 'installation' | 'name';

/** The columns the agent asks for; `--columns` exists since flatpak 1.2. */
export const FLATPAK_COLUMNS: FlatpakColumn[] = ['application', 'version', 'branch', 'arch', 'origin', 'installation', 'name'];

/**
 * Parses `flatpak list --all --columns=<columns>` as flatpak prints it to a pipe: no header, one
 * ref a line, tab separated, in the order asked. The name is the application's display name (its id
 * when it has none) and the id becomes the product code. Apps track branches like "stable", which
 * are channels rather than versions: the branch stands in for a missing version only when it is a
 * number, as runtimes' branches are (20.08, 3.38).
 */
export function parseFlatpakList(output: string, columns: readonly FlatpakColumn[] = FLATPAK_COLUMNS): SoftwareEntry[] {
  return entriesOf(output.split(/\r?\n/).map((line) => {
    const cells = line.split('\t');
    const cell = (name: FlatpakColumn) => {
      const index = columns.indexOf(name);
      return index < 0 ? undefined : cells[index]?.trim() || undefined;
    };
    const id = cell('application');
    // Reverse-DNS ids always have a dot; this also passes over a header line, should one be printed.
    if (!id?.includes('.')) return undefined;
    const branch = cell('branch');
    return softwareEntry({
      name: cell('name') ?? id,
      version: cell('version') ?? (branch && /^\d/.test(branch) ? branch : undefined),
      arch: cell('arch'),
      productCode: branch ? `${id}//${branch}` : id,
      source: 'flatpak',
    });
  }));
}

export async function collectFlatpak(): Promise<SoftwareEntry[]> {
  if (!onPath('flatpak')) return [];
  const output = await runCommand('flatpak', ['list', '--all', `--columns=${FLATPAK_COLUMNS.join(',')}`], { timeoutMs: 20_000 });
  return output === null ? [] : parseFlatpakList(output);
}
