import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The recordings of real devices provided beside the repository (not part of it). */
export const RECORDINGS_DIR = fileURLToPath(new URL('../../../../../shared/fixtures/snmp/recordings', import.meta.url));
export const EXPECTED_FILE = fileURLToPath(new URL('../../../../../shared/fixtures/snmp/expected.json', import.meta.url));
export const recordingsPresent = existsSync(RECORDINGS_DIR) && existsSync(EXPECTED_FILE);

export interface ExpectedDevice {
  name: string;
  community: string;
  sysObjectID: string | null;
  enterprise: number | null;
  sysDescr: string | null;
  sysName: string | null;
  entityChassis: { model?: string; serial?: string; softwareRev?: string };
  readByHand?: { model?: string; serial?: string; firmware?: string };
  counts: { ifTableRows: number; entityRows: number; hrSWInstalledRows: number; lldpRemRows: number; fdbRows: number };
}

export function loadExpected(): ExpectedDevice[] {
  return JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as ExpectedDevice[];
}

/** OID → [type, value] of one snmprec file, hex values decoded to bytes. */
export function readSnmprec(path: string): Map<string, { type: string; value: string; bytes?: Buffer }> {
  const rows = new Map<string, { type: string; value: string; bytes?: Buffer }>();
  for (const line of readFileSync(path, 'latin1').split('\n')) {
    const [oid, type, ...rest] = line.split('|');
    if (!oid || !type || oid.startsWith('#')) continue;
    const value = rest.join('|');
    rows.set(oid, { type, value, bytes: type.endsWith('x') ? Buffer.from(value, 'hex') : undefined });
  }
  return rows;
}
