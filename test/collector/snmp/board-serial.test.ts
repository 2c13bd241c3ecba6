import { describe, expect, it } from 'vitest';
import type { SnmpEntity } from '@steward/shared';
import { chassisOf, soleBoardSerial } from '../../../collector/src/snmp/mibs/entity-mib.js';

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
