import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { parsePacmanDate, parsePacmanQuery } from '@steward/shared/host-parsers';

/** The parsers live with the shared code: the collector reads the same output from hosts it scans over SSH. */
export { parsePacmanDate, parsePacmanQuery };

export async function collectPacman(): Promise<SoftwareEntry[]> {
  if (!onPath('pacman')) return [];
  const output = await runCommand('pacman', ['-Qi']);
  return output === null ? [] : parsePacmanQuery(output);
}
