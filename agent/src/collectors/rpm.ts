import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { RPM_QUERY_FORMAT, parseRpmQuery } from '@steward/shared/host-parsers';

/** The parsers live with the shared code: the collector reads the same output from hosts it scans over SSH. */
export { RPM_QUERY_FORMAT, parseRpmQuery };

export async function collectRpm(): Promise<SoftwareEntry[]> {
  if (!onPath('rpm')) return [];
  const output = await runCommand('rpm', ['-qa', '--queryformat', RPM_QUERY_FORMAT]);
  return output === null ? [] : parseRpmQuery(output);
}
