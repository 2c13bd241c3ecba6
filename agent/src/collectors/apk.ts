import { readFile } from 'node:fs/promises';
import type { SoftwareEntry } from '@steward/shared/protocol';
import { APK_INSTALLED_DB, parseApkInstalled } from '@steward/shared/host-parsers';

/** The parsers live with the shared code: the collector reads the same output from hosts it scans over SSH. */
export { APK_INSTALLED_DB, parseApkInstalled };

export async function collectApk(database = APK_INSTALLED_DB): Promise<SoftwareEntry[]> {
  const text = await readFile(database, 'utf8').catch(() => null);
  return text === null ? [] : parseApkInstalled(text);
}
