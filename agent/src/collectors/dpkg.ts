import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { DPKG_QUERY_FORMAT, parseDpkgQuery } from '@steward/shared/host-parsers';

/** The parsers live with the shared code: the collector reads the same output from hosts it scans over SSH. */
export { DPKG_QUERY_FORMAT, parseDpkgQuery };

export async function collectDpkg(): Promise<SoftwareEntry[]> {
  const output = await runCommand('dpkg-query', ['-W', '-f', DPKG_QUERY_FORMAT]);
  return output === null ? [] : parseDpkgQuery(output);
}
