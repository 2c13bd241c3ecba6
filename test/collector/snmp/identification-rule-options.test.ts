import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../../collector/src/snmp/recorded/identify-recordings.js';
import { vendorOidTable } from '../../../collector/src/snmp/identify/data-tables.js';
import { ScratchTables } from './support/scratch-tables.js';

/**
 * A video recorder of a product line neither set of recordings holds (enterprise 54321): its
 * sysDescr writes the firmware version zero-padded, and its maker prints the MAC address as the
 * serial number. Both are said by a rule's data alone.
 */
const walk = (mac: string) => `.1.3.6.1.2.1.1.1.0 = STRING: "Vistacam NVR-16 firmware 02.010.0005"
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.54321.7.16
.1.3.6.1.2.1.2.2.1.1.1 = INTEGER: 1
.1.3.6.1.2.1.2.2.1.2.1 = STRING: "lo"
.1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 00 00 00 00 00
.1.3.6.1.2.1.2.2.1.1.2 = INTEGER: 2
.1.3.6.1.2.1.2.2.1.2.2 = STRING: "eth0"
.1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: ${mac}
`;

const rule = (extra: object) => ({
  id: 'vistacam-nvr',
  sysObjectID: '^1\\.3\\.6\\.1\\.4\\.1\\.54321\\.7\\.',
  sysDescr: '^Vistacam (?<model>NVR-\\d+) firmware (?<version>\\d+(?:\\.\\d+)+)$',
  set: { vendor: 'Vistacam', os: 'Vistacam NVR' },
  ...extra,
});

describe('rule options for how a product line writes its version and serial', () => {
  let tables: ScratchTables;
  let nvr: string;
  let noMac: string;

  beforeAll(() => {
    tables = new ScratchTables();
    nvr = tables.walk('nvr.walk', walk('00 50 A1 0B C3 D4'));
    noMac = tables.walk('no-mac.walk', walk('00 00 00 00 00 00'));
  });
  afterAll(() => tables.remove());

  const useRule = (extra: object) => tables.use({ rules: [rule(extra)] });

  it('keeps the version as written, and gives no serial, where the rule says nothing of either', async () => {
    useRule({});
    const { identity } = await readRecording(nvr);
    expect(identity).toMatchObject({ vendor: 'Vistacam', model: 'NVR-16', os: 'Vistacam NVR', osVersion: '02.010.0005' });
    expect(identity.serial).toBeUndefined();
  });

  it('drops the padding zeros of each number where the rule says the version is zero-padded', async () => {
    useRule({ zeroPaddedVersion: true });
    expect((await readRecording(nvr)).identity.osVersion).toBe('2.10.5');
  });

  it("gives the device's own MAC address as the serial where the rule says the serial is that, and none where the device has no MAC", async () => {
    useRule({ set: { vendor: 'Vistacam', os: 'Vistacam NVR', serial: '{mac}' } });
    expect((await readRecording(nvr)).identity).toMatchObject({ serial: '0050A10BC3D4', serialSource: 'sysDescr' });
    expect((await readRecording(noMac)).identity.serial).toBeUndefined();
  });
});

describe("a vendor object's value worded as the maker's catalogue words it", () => {
  let tables: ScratchTables;
  let camera: string;
  const cameraWalk = `.1.3.6.1.2.1.1.1.0 = STRING: "camera"
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.54321.9.2
.1.3.6.1.4.1.54321.9.1.1.0 = STRING: "VC316F-v3.2-build0107"
`;

  beforeAll(() => {
    tables = new ScratchTables();
    camera = tables.walk('camera.walk', cameraWalk);
  });
  afterAll(() => tables.remove());

  const useEntry = (source: object) => tables.use({ entries: [{ enterprise: 54321, sysObjectIDPrefix: '1.3.6.1.4.1.54321.9', model: [source] }] });

  it('gives the part the pattern keeps, inside the template', async () => {
    useEntry({ oid: '1.3.6.1.4.1.54321.9.1.1.0', pattern: '^VC(?<value>\\d{3}[A-Z])-v\\d', template: 'Vistacam {value}' });
    expect((await readRecording(camera)).identity.model).toBe('Vistacam 316F');
  });

  it('gives the part alone without a template, and nothing where the pattern does not match', async () => {
    useEntry({ oid: '1.3.6.1.4.1.54321.9.1.1.0', pattern: '^VC(?<value>\\d{3}[A-Z])-v\\d' });
    expect((await readRecording(camera)).identity.model).toBe('316F');
    useEntry({ oid: '1.3.6.1.4.1.54321.9.1.1.0', pattern: '^XX(?<value>\\d+)', template: 'Vistacam {value}' });
    expect((await readRecording(camera)).identity.model ?? '').not.toMatch(/^Vistacam/);
  });

  it("gives a template without '{value}' as it stands where the object answers, and nothing where it does not", async () => {
    useEntry({ oid: '1.3.6.1.4.1.54321.9.1.1.0', template: 'Vistacam Cube' });
    expect((await readRecording(camera)).identity.model).toBe('Vistacam Cube');
    useEntry({ oid: '1.3.6.1.4.1.54321.9.1.2.0', template: 'Vistacam Cube' });
    expect((await readRecording(camera)).identity.model).not.toBe('Vistacam Cube');
  });
});

describe("an object each product of a line keeps under its own sysObjectID", () => {
  let tables: ScratchTables;
  const sensorWalk = (product: number, article: string) => `.1.3.6.1.2.1.1.1.0 = STRING: ""
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.54321.1.2.${product}
.1.3.6.1.4.1.54321.1.2.${product}.3.3.6.0 = STRING: "${article}"
.1.3.6.1.4.1.54321.1.2.${product + 1}.3.3.6.0 = STRING: "#99999"
`;

  beforeAll(() => {
    tables = new ScratchTables();
    tables.use({ entries: [{ enterprise: 54321, model: [{ oid: '3.3.6.0', underSysObjectID: true }] }] });
  });
  afterAll(() => tables.remove());

  it("reads each product's own copy with one row, never a neighbouring product's", async () => {
    expect((await readRecording(tables.walk('thermo.walk', sensorWalk(8, '#57605')))).identity.model).toBe('#57605');
    expect((await readRecording(tables.walk('hygro.walk', sensorWalk(41, '#57720')))).identity.model).toBe('#57720');
  });

  it('refuses a product-relative row whose OID is not a bare suffix, naming the field', () => {
    tables.use({ entries: [{ enterprise: 54321, model: [{ oid: '.3.3.6.0', underSysObjectID: true }] }] });
    expect(() => vendorOidTable()).toThrow(/oid/);
  });
});

describe("the release an installed package states, without its packaging revision", () => {
  let tables: ScratchTables;
  let appliance: string;
  const applianceWalk = `.1.3.6.1.2.1.1.1.0 = STRING: "Linux store01 5.3.0-62-generic #56-Ubuntu SMP x86_64"
.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10
.1.3.6.1.2.1.25.6.3.1.1.1 = INTEGER: 1
.1.3.6.1.2.1.25.6.3.1.2.1 = STRING: "vistastor-4.2.1.007+22041-3"
`;
  const rule = (extra: object) => ({ id: 'vistastor', package: '^vistastor$', set: { os: 'VistaStor' }, ...extra });

  beforeAll(() => {
    tables = new ScratchTables();
    appliance = tables.walk('appliance.walk', applianceWalk);
  });
  afterAll(() => tables.remove());

  it("keeps the package's whole version where the rule says nothing of it", async () => {
    tables.use({ rules: [rule({})] });
    expect((await readRecording(appliance)).identity).toMatchObject({ os: 'VistaStor', osVersion: '4.2.1.007+22041-3' });
  });

  it("keeps the part the rule's packageVersion keeps, and the whole version where that pattern does not match", async () => {
    tables.use({ rules: [rule({ packageVersion: '^(?<value>.+?)(?:-\\d+)?$' })] });
    expect((await readRecording(appliance)).identity).toMatchObject({ os: 'VistaStor', osVersion: '4.2.1.007+22041' });
    tables.use({ rules: [rule({ packageVersion: '^release-(?<value>\\S+)$' })] });
    expect((await readRecording(appliance)).identity.osVersion).toBe('4.2.1.007+22041-3');
  });
});
