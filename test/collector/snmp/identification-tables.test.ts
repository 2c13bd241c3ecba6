import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnmpIdentifyCommand } from '../../../collector/src/snmp/cli/snmp-identify-command.js';
import { DEFAULT_DATA_DIR, useIdentificationTables } from '../../../collector/src/snmp/identify/data-tables.js';
import { readRecording } from '../../../collector/src/snmp/recorded/identify-recordings.js';
import { ScratchTables } from './support/scratch-tables.js';

/**
 * A load balancer of a product line neither set of recordings holds (enterprise 12196), saved as
 * `snmpwalk -ObentU` prints it: its sysDescr names only the kernel, and its own objects state
 * model, serial and software version.
 */
const WALK = `.1.3.6.1.2.1.1.1.0 = STRING: "Linux lb-edge-1 4.14.211 #1 SMP Tue Mar 2 10:12:55 UTC 2021 x86_64"
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.12196.250.10
.1.3.6.1.2.1.1.3.0 = Timeticks: 123456
.1.3.6.1.2.1.1.5.0 = STRING: "lb-edge-1"
.1.3.6.1.2.1.2.2.1.1.1 = INTEGER: 1
.1.3.6.1.2.1.2.2.1.2.1 = STRING: "eth0"
.1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 50 56 A1 B2 C3
.1.3.6.1.4.1.12196.13.0.1.0 = STRING: "LoadMaster VLM-5000"
.1.3.6.1.4.1.12196.13.0.2.0 = STRING: "7.2.54.0.20457.RELEASE"
.1.3.6.1.4.1.12196.13.0.3.0 = STRING: "1234567"
.1.3.6.1.4.1.12196.13.0.4.0 = STRING: "To be filled by O.E.M."
`;

/** The rows a user adds for the new line: nothing else changes. */
const OS_RULE = { id: 'loadmaster', sysObjectID: '^1\\.3\\.6\\.1\\.4\\.1\\.12196\\.250\\.', set: { os: 'LoadMaster', vendor: 'Kemp' } };
const OID_ROW = {
  enterprise: 12196,
  device: true,
  model: [{ oid: '1.3.6.1.4.1.12196.13.0.1.0', pattern: '^LoadMaster (?<value>\\S+)$' }],
  serial: ['1.3.6.1.4.1.12196.13.0.4.0', '1.3.6.1.4.1.12196.13.0.3.0'],
  osVersion: [{ oid: '1.3.6.1.4.1.12196.13.0.2.0', pattern: '^(?<value>\\d+(?:\\.\\d+)+)' }],
};

describe('a product line identified by rows added to the data tables alone', () => {
  let dir: string;
  let walks: string;
  let tables: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'steward-identify-'));
    walks = join(dir, 'walks');
    tables = join(dir, 'tables');
    cpSync(DEFAULT_DATA_DIR, tables, { recursive: true });
    mkdirSync(walks);
    writeFileSync(join(walks, 'lb-edge-1.walk'), WALK);
    writeFileSync(join(dir, 'reference.json'), JSON.stringify({ 'lb-edge-1': { model: 'VLM-5000', serial: '1234567', os: 'LoadMaster', version: '7.2.54.0.20457' } }));
  });

  afterAll(() => {
    useIdentificationTables();
    rmSync(dir, { recursive: true, force: true });
  });

  it('knows only the kernel and the registered enterprise with the tables as shipped', async () => {
    useIdentificationTables();
    const { identity } = await readRecording(join(walks, 'lb-edge-1.walk'));
    expect(identity.enterprise?.number).toBe(12196);
    expect(identity.model).toBeUndefined();
    expect(identity.os).toBe('Linux');
    expect(identity.osVersion).toBe('4.14.211');
  });

  it('reads vendor, model, serial, OS and version once the copy of the tables has the new rows', async () => {
    const patterns = JSON.parse(readFileSync(join(tables, 'os-patterns.json'), 'utf8')) as { rules: unknown[] };
    patterns.rules.unshift(OS_RULE);
    writeFileSync(join(tables, 'os-patterns.json'), JSON.stringify(patterns));
    const oids = JSON.parse(readFileSync(join(tables, 'vendor-identity-oids.json'), 'utf8')) as { entries: unknown[] };
    oids.entries.unshift(OID_ROW);
    writeFileSync(join(tables, 'vendor-identity-oids.json'), JSON.stringify(oids));
    useIdentificationTables(pathToFileURL(`${tables}/`));

    const { identity } = await readRecording(join(walks, 'lb-edge-1.walk'));
    expect(identity).toMatchObject({
      vendor: 'Kemp', model: 'VLM-5000', os: 'LoadMaster', osVersion: '7.2.54.0.20457', kernel: 'Linux', kernelVersion: '4.14.211',
    });
    // The placeholder in the first serial object gives way to the next one.
    expect(identity.serial).toBe('1234567');

    const report = await runSnmpIdentifyCommand([walks, '--reference', join(dir, 'reference.json')]);
    for (const field of ['model', 'serial', 'os', 'version']) expect(report).toMatch(new RegExp(`^${field}\\s+1/1\\s+100\\.0%\\s+0\\s+0$`, 'm'));
  });
});

describe('a rule that ranks its sysDescr model below the vendor objects, as data', () => {
  let tables: ScratchTables;
  let stated: string;
  let bare: string;
  const walk = (objects: string) => `.1.3.6.1.2.1.1.1.0 = STRING: "LoadMaster vlm5k appliance, kernel 4.14.211"
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.12196.250.10
${objects}`;
  const rule = (extra: object) => ({ id: 'loadmaster-descr', sysDescr: '^LoadMaster (?<model>\\S+) appliance', set: { os: 'LoadMaster' }, ...extra });

  beforeAll(() => {
    tables = new ScratchTables();
    stated = tables.walk('stated.walk', walk('.1.3.6.1.4.1.12196.13.0.1.0 = STRING: "LoadMaster VLM-5000"\n'));
    bare = tables.walk('bare.walk', walk(''));
  });
  afterAll(() => tables.remove());

  const useRule = (extra: object) => tables.use({ rules: [rule(extra)], entries: [{ enterprise: 12196, model: [OID_ROW.model[0]] }] });

  it('takes the sysDescr model over the vendor object by default', async () => {
    useRule({});
    expect((await readRecording(stated)).identity.model).toBe('vlm5k');
  });

  it('takes the vendor object where the rule ranks its model below, and the sysDescr model where no object states one', async () => {
    useRule({ belowVendorObjects: ['model'] });
    expect((await readRecording(stated)).identity).toMatchObject({ model: 'VLM-5000', modelSource: 'vendor-oid' });
    expect((await readRecording(bare)).identity).toMatchObject({ model: 'vlm5k', modelSource: 'sysDescr' });
  });
});
