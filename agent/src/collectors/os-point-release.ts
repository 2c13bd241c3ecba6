import { pointRelease, pointReleaseSource, type OsRelease } from '@steward/shared/host-parsers';
import { readSysText } from './read-sys.js';

/** The parsing lives with the shared code: the collector reads the same files from hosts it scans over SSH. */
export { POINT_RELEASE_FILES, POINT_RELEASE_SOURCES, pointRelease, pointReleaseSource, type OsRelease } from '@steward/shared/host-parsers';

/** The release from os-release's fields and the distribution's own release file, when it has one. */
export async function readPointRelease(fields: Record<string, string>): Promise<OsRelease> {
  const file = pointReleaseSource(fields)?.file;
  return pointRelease(fields, file ? await readSysText(file) : undefined);
}
