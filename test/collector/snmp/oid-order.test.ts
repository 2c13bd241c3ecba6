import { describe, expect, it } from 'vitest';
import { compareOids } from '../../../collector/src/snmp/walk/oid-order.js';

describe('OID order', () => {
  it('compares arc by arc as numbers, a prefix first, with or without a leading dot', () => {
    const sorted = ['1.3.6.1.2.1.2.2.1.10.2', '1.3.6.1.2.1.2.2.1.2.10', '1.3.6.1.2.1.2.2.1.2', '.1.3.6.1.2.1.2.2.1.2.9', '1.3.6.1.2.1.31'].sort(compareOids);
    expect(sorted).toEqual(['1.3.6.1.2.1.2.2.1.2', '.1.3.6.1.2.1.2.2.1.2.9', '1.3.6.1.2.1.2.2.1.2.10', '1.3.6.1.2.1.2.2.1.10.2', '1.3.6.1.2.1.31']);
    expect(compareOids('.1.3.6', '1.3.6')).toBe(0);
    expect(compareOids('1.3.6.1.4.1.4294967295', '1.3.6.1.4.1.4294967296')).toBe(-1);
  });
});
