import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProductTable, DATA_DIR, readCollection } from '../../../collector/src/snmp/data-build/build-product-oids.js';
import { importedModules, parseMibModules, resolveOids } from '../../../collector/src/snmp/data-build/parse-mib-oids.js';
import { enterpriseOf } from '../../../collector/src/snmp/identify/vendor-names.js';
import { readRecording } from '../../../collector/src/snmp/recorded/identify-recordings.js';
import { LIBRENMS_DIR, librenmsRecordingsPresent } from './support/librenms-recordings.js';
import { RECORDINGS_DIR, recordingsPresent } from './support/recordings.js';

/** The shipped table, read as any consumer of the file would. */
const table = JSON.parse(readFileSync(join(DATA_DIR, 'product-oids.json'), 'utf8')) as { source: string; names: Record<string, string> };

/** A vendor's products module in the shape they publish: comments and descriptions that look like assignments. */
const PRODUCTS_MIB = `ACME-PRODUCTS-MIB DEFINITIONS ::= BEGIN
IMPORTS
    MODULE-IDENTITY, OBJECT-IDENTITY FROM SNMPv2-SMI
    acmeProducts FROM ACME-SMI;

acmeProductsMIB MODULE-IDENTITY
    LAST-UPDATED "201801010000Z"
    ORGANIZATION "Acme"
    CONTACT-INFO "-- not a comment: oldSwitch OBJECT IDENTIFIER ::= { acmeProducts 99 }"
    DESCRIPTION  "Products { acmeProducts 98 }"
    REVISION     "202403150000Z"
    DESCRIPTION  "Added acmeRouter2."
    ::= { acmeModules 1 }

acmeSwitches  OBJECT IDENTIFIER ::= { acmeProducts 1 }
acmeSwitch24  OBJECT IDENTIFIER ::= { acmeSwitches 24 } -- 24 ports, was acmeGhost OBJECT IDENTIFIER ::= { acmeProducts 97 }
-- acmeRetired OBJECT IDENTIFIER ::= { acmeSwitches 1 }
acmeRouter2 OBJECT-IDENTITY
    STATUS current
    DESCRIPTION "A router; ::= { acmeProducts 96 }"
    ::= { acmeProducts 2 7 }
END
`;
const SMI_MIB = `ACME-SMI DEFINITIONS ::= BEGIN
acme OBJECT IDENTIFIER ::= { iso(1) org(3) dod(6) internet(1) private(4) enterprises(1) 64999 }
acmeProducts OBJECT IDENTIFIER ::= { acme 1 }
acmeModules OBJECT IDENTIFIER ::= { acme 2 }
END
`;

describe('product names read from product MIBs', () => {
  it('resolves registrations through the module they import their root from, past comments and descriptions', () => {
    const modules = [...parseMibModules(PRODUCTS_MIB), ...parseMibModules(SMI_MIB)];
    const oids = resolveOids(modules);
    const byName = Object.fromEntries([...oids].map(([a, oid]) => [a.name, oid]));
    expect(importedModules(PRODUCTS_MIB)).toEqual(['SNMPv2-SMI', 'ACME-SMI']);
    expect(byName).toMatchObject({ acmeSwitch24: '1.3.6.1.4.1.64999.1.1.24', acmeRouter2: '1.3.6.1.4.1.64999.1.2.7', acmeProductsMIB: '1.3.6.1.4.1.64999.2.1' });
    for (const ghost of ['oldSwitch', 'acmeGhost', 'acmeRetired']) expect(byName[ghost], ghost).toBeUndefined();
    expect(modules[0]?.revision).toBe('202403150000Z');
  });

  it('keeps the product leaves alone, not the branches above them nor the module itself', () => {
    const built = buildProductTable([{ file: 'acme/ACME-PRODUCTS-MIB', text: PRODUCTS_MIB }], [{ file: 'acme/ACME-SMI', text: SMI_MIB }], 'a test collection');
    expect(built.names).toEqual({ '1.3.6.1.4.1.64999.1.1.24': 'acmeSwitch24', '1.3.6.1.4.1.64999.1.2.7': 'acmeRouter2' });
    expect(built.source).toBe('a test collection: ACME-PRODUCTS-MIB 202403150000Z');
    // A module that registers other things too names the subtree its products hang below.
    const switches = buildProductTable([{ file: 'acme/ACME-PRODUCTS-MIB', text: PRODUCTS_MIB, under: ['acmeSwitches'] }], [{ file: 'acme/ACME-SMI', text: SMI_MIB }], '');
    expect(switches.names).toEqual({ '1.3.6.1.4.1.64999.1.1.24': 'acmeSwitch24' });
    expect(() => buildProductTable([{ file: 'acme/ACME-PRODUCTS-MIB', text: PRODUCTS_MIB, under: ['acmeHubs'] }], [], '')).toThrow(/acmeHubs/);
  });

  // The collection is not part of the repository: point STEWARD_PRODUCT_MIBS at a checkout to check the table against it.
  const collection = process.env.STEWARD_PRODUCT_MIBS;
  it.skipIf(!collection || !existsSync(collection))('ships the table exactly as built from the collection it names', () => {
    const { products, supporting, collection: name } = readCollection(collection!);
    expect(table).toEqual(buildProductTable(products, supporting, name));
    expect(table.source.startsWith(`${name}: `)).toBe(true);
  });
});

describe.skipIf(!librenmsRecordingsPresent() || !recordingsPresent)('the product a sysObjectID names, as the model of last resort', () => {
  let dir: string;
  let recorded: Set<string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'steward-product-oids-'));
    recorded = recordedSysObjectIDs();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every sysObjectID the recordings hold: a product named from outside them shows the table generalises. */
  function recordedSysObjectIDs(): Set<string> {
    const seen = new Set<string>();
    for (const folder of [RECORDINGS_DIR, LIBRENMS_DIR]) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.snmprec'))) {
        const oid = readFileSync(join(folder, file), 'latin1').match(/^1\.3\.6\.1\.2\.1\.1\.2\.0\|6\|\.?([\d.]+)/m)?.[1];
        if (oid) seen.add(oid);
      }
    }
    return seen;
  }

  async function identify(name: string, lines: string[]) {
    const file = join(dir, `${name}.walk`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return (await readRecording(file)).identity;
  }

  it('names the product of gear of every maker in the table that no recording holds', async () => {
    const unseen = new Map<number, [string, string]>();
    for (const [oid, name] of Object.entries(table.names)) {
      const enterprise = enterpriseOf(oid)!;
      if (!recorded.has(oid) && !unseen.has(enterprise)) unseen.set(enterprise, [oid, name]);
    }
    expect(unseen.size).toBeGreaterThanOrEqual(10);
    for (const [enterprise, [oid, name]] of unseen) {
      const identity = await identify(`unseen-${enterprise}`, [`.1.3.6.1.2.1.1.2.0 = OID: .${oid}`]);
      expect({ oid, model: identity.model, source: identity.modelSource }).toEqual({ oid, model: name, source: 'sysObjectID' });
    }
  });

  it('never puts the registered name over the model the device states in ENTITY-MIB or sysDescr', async () => {
    const [oid, name] = Object.entries(table.names).find(([o]) => !recorded.has(o) && enterpriseOf(o) === 9)!;
    const system = [`.1.3.6.1.2.1.1.2.0 = OID: .${oid}`];
    const entity = await identify('entity', [...system,
      '.1.3.6.1.2.1.47.1.1.1.1.2.1 = STRING: "Chassis"', '.1.3.6.1.2.1.47.1.1.1.1.5.1 = INTEGER: 3',
      '.1.3.6.1.2.1.47.1.1.1.1.11.1 = STRING: "FOC1234X0AB"', '.1.3.6.1.2.1.47.1.1.1.1.13.1 = STRING: "WS-C9999-48P"']);
    expect(entity).toMatchObject({ model: 'WS-C9999-48P', modelSource: 'entity-mib' });
    const described = await identify('described', [
      '.1.3.6.1.2.1.1.1.0 = STRING: "Juniper Networks, Inc. ex9999-48p Ethernet Switch, kernel JUNOS 18.4R2-S3.1, Build date: 2020-01-17"',
      `.1.3.6.1.2.1.1.2.0 = OID: .${Object.keys(table.names).find((o) => enterpriseOf(o) === 2636 && !recorded.has(o))!}`]);
    expect(described).toMatchObject({ model: 'ex9999-48p', modelSource: 'sysDescr' });
    // Without them, the same sysObjectID gives the registered name.
    expect((await identify('bare', system)).model).toBe(name);
  });
});
