import { describe, expect, it } from 'vitest';
import type { SnmpEntity } from '@steward/shared';
import { backplaneSerial, chassisOf, soleBoardSerial } from '../../../collector/src/snmp/mibs/entity-mib.js';

const row = (index: number, cls: SnmpEntity['class'], containedIn: number, serial = ''): SnmpEntity => ({ index, class: cls, containedIn, serial });

/** A fixed unit as some makers list it: a chassis row with an empty serial, a slot, and the unit's one board. */
const fixedUnit = [row(3, 'chassis', 0), row(5, 'container', 3), row(9, 'module', 5, '21023579169WJ6000038'), row(14, 'port', 9)];

describe("the serial of a fixed unit's one board, where its chassis row states none", () => {
  it('is that board serial', () => {
    expect(soleBoardSerial(fixedUnit, chassisOf(fixedUnit))).toBe('21023579169WJ6000038');
  });

  it('is none where the chassis states its own serial', () => {
    const entities = [{ ...fixedUnit[0]!, serial: 'CHASSIS1' }, ...fixedUnit.slice(1)];
    expect(soleBoardSerial(entities, chassisOf(entities))).toBeUndefined();
  });

  it('is none where the chassis holds several boards (a modular chassis has no one board serial)', () => {
    const entities = [...fixedUnit, row(6, 'container', 3), row(10, 'module', 6)];
    expect(soleBoardSerial(entities, chassisOf(entities))).toBeUndefined();
  });

  it('is none where the board sits in no chassis, or no row is a chassis', () => {
    const loose = [row(3, 'chassis', 0), row(9, 'module', 0, 'BOARD1')];
    expect(soleBoardSerial(loose, chassisOf(loose))).toBeUndefined();
    const unclassed = [row(1, undefined, 0), row(9, 'module', 1, 'BOARD1')];
    expect(soleBoardSerial(unclassed, chassisOf(unclassed))).toBeUndefined();
  });
});

describe("the serial of a chassis whose row states none, as its backplane states it", () => {
  const node = (backplane: Partial<SnmpEntity>): SnmpEntity[] => [
    { index: 1, class: 'chassis', containedIn: 0, model: 'BFL 510 110/1', serial: '', isFru: false },
    { index: 1913126911, class: 'backplane', containedIn: 1, model: 'ROJ 119 2512/1', serial: 'X912576091', isFru: false, ...backplane },
    { index: 1921257471, class: 'container', containedIn: 1913126911, descr: 'Slot' },
  ];

  it("is the serial of the backplane built into the chassis", () => {
    expect(backplaneSerial(node({}), chassisOf(node({})))).toBe('X912576091');
  });

  it('is none where the backplane is replaceable, sits elsewhere, or the chassis states its own', () => {
    expect(backplaneSerial(node({ isFru: true }), chassisOf(node({ isFru: true })))).toBeUndefined();
    expect(backplaneSerial(node({ containedIn: 1921257471 }), chassisOf(node({ containedIn: 1921257471 })))).toBeUndefined();
    const own = node({});
    own[0] = { ...own[0]!, serial: 'CHASSIS1' };
    expect(backplaneSerial(own, chassisOf(own))).toBeUndefined();
  });

  it('reads the serial a backplane states in its description where the agent lists no classes or containment', () => {
    const bare: SnmpEntity[] = [
      { index: 1, descr: 'SSR 8020 chassis' },
      { index: 2, descr: 'SSR 8020 backplane SN:DH80092734 Rev:R3L Mfg.Dt:1-JUL-2020 CLEI code:IPMN910JRA' },
    ];
    expect(chassisOf(bare)?.index).toBe(1);
    expect(backplaneSerial(bare, chassisOf(bare))).toBe('DH80092734');
    const other: SnmpEntity[] = [bare[0]!, { index: 2, descr: 'SSR 8020 fan tray SN:FT0001' }];
    expect(backplaneSerial(other, chassisOf(other))).toBeUndefined();
  });
});
