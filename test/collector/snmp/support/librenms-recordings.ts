import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceFile, type Reference } from '../../../../collector/src/snmp/recorded/reference-agreement.js';

/** 1,207 recordings of real devices with what another poller identified in each, provided beside the repository. */
export const LIBRENMS_DIR = fileURLToPath(new URL('../../../../../shared/fixtures/snmp-librenms/recordings', import.meta.url));
export const LIBRENMS_REFERENCE = fileURLToPath(new URL('../../../../../shared/fixtures/snmp-librenms/expected.json', import.meta.url));

/** Present, or (under CI=true) a failure: the tests reading them skip elsewhere and say so. */
export function librenmsRecordingsPresent(): boolean {
  if (existsSync(LIBRENMS_DIR) && existsSync(LIBRENMS_REFERENCE)) return true;
  const message = `no recordings at ${LIBRENMS_DIR}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

export function loadLibrenmsReference(): Reference {
  return referenceFile.parse(JSON.parse(readFileSync(LIBRENMS_REFERENCE, 'utf8')));
}
