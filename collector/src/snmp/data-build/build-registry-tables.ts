/**
 * Regenerates collector/data/snmp/iana-enterprises.json and oui-vendors.json from Debian's
 * libwireshark-data. Run after updating that package:
 *   node --import tsx collector/src/snmp/data-build/build-registry-tables.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnterprisesTsv, parseManuf, registryDate } from './parse-registries.js';

export const WIRESHARK_DATA = '/usr/share/wireshark';
export const DATA_DIR = fileURLToPath(new URL('../../../data/snmp/', import.meta.url));

export function buildEnterpriseTable(tsv: string): object {
  return {
    source: `IANA Private Enterprise Numbers, registry copy of ${registryDate(tsv) ?? 'unknown date'}`,
    names: parseEnterprisesTsv(tsv),
  };
}

export function buildOuiTable(manuf: string): object {
  return { source: 'IEEE MA-L assignments', names: parseManuf(manuf) };
}

function main(): void {
  const tsv = readFileSync(`${WIRESHARK_DATA}/enterprises.tsv`, 'utf8');
  writeFileSync(`${DATA_DIR}iana-enterprises.json`, `${JSON.stringify(buildEnterpriseTable(tsv))}\n`);
  const manuf = readFileSync(`${WIRESHARK_DATA}/manuf`, 'utf8');
  writeFileSync(`${DATA_DIR}oui-vendors.json`, `${JSON.stringify(buildOuiTable(manuf))}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
