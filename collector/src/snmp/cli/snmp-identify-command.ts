import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { disagreementList, measureAgreement, shareTable } from '../recorded/measure-agreement.js';
import { referenceFile } from '../recorded/reference-agreement.js';
import { stewardValues } from '../recorded/reference-agreement.js';
import { UsageError } from './snmp-probe-command.js';

export const SNMP_IDENTIFY_USAGE = `steward snmp identify <folder> [--reference expected.json] [--json]
  identifies every recording in the folder offline (snmpsim .snmprec files, or saved
  "snmpwalk -ObentU" output as .walk, .snmpwalk or .txt), with the same code a probe uses;
  with --reference, prints per field the share agreeing with the reference and every disagreement`;

/** `steward snmp identify`: the report to print. */
export async function runSnmpIdentifyCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { reference: { type: 'string' }, json: { type: 'boolean' } } });
  const dir = positionals[0];
  if (positionals.length !== 1 || !dir) throw new UsageError(SNMP_IDENTIFY_USAGE);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder\n${SNMP_IDENTIFY_USAGE}`);
  const reference = values.reference ? readReference(values.reference) : undefined;
  const measured = await measureAgreement(dir, reference);
  if (values.json) return JSON.stringify(measured.outcomes.map((o) => ({ name: o.name, ...stewardValues(o.identity), verdicts: o.verdicts })), null, 2);
  if (!reference) return measured.outcomes.map((o) => `${o.name}: ${JSON.stringify(stewardValues(o.identity))}`).join('\n');
  return `${disagreementList(measured)}\n\n${shareTable(measured)}`;
}

function readReference(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--reference ${file}: ${(error as Error).message}`);
  }
  const parsed = referenceFile.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--reference ${file}: not a reference file (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
