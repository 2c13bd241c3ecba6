import { describe, expect, it } from 'vitest';
import { identityValue, isIdentityPlaceholder, withoutRepeatedValues } from '@steward/shared';

describe('identity junk', () => {
  it.each(['NA', 'N/A', 'Not Available', '0', '0000000000', 'To be filled by O.E.M.', 'Default string', 'None', 'Unknown', 'FFFFFFFF', '  ', '<private>', '<FRAME SERIAL NUMBER>'])('drops the placeholder %j', (text) => {
    expect(isIdentityPlaceholder(text)).toBe(true);
    expect(identityValue(text)).toBeUndefined();
  });

  it('drops binary bytes in front and control characters inside, keeping the value', () => {
    expect(identityValue('\u0000\u0011CNB9K12345')).toBe('CNB9K12345');
    expect(identityValue('\u00ff\u00feVNB3S01234')).toBe('VNB3S01234');
    expect(identityValue('SG350X-24P\r\n')).toBe('SG350X-24P');
    expect(identityValue('Smart-UPS\t1500')).toBe('Smart-UPS 1500');
  });

  it('keeps real values, accented ones too', () => {
    expect(identityValue('Česká 01')).toBe('Česká 01');
    expect(identityValue('7.2.54')).toBe('7.2.54');
  });

  it('drops a field repeating an earlier one, whatever its case', () => {
    const kept = withoutRepeatedValues({ osVersion: '15.2(4)E', model: '15.2(4)e', serial: 'FOC123' }, ['osVersion', 'model', 'serial']);
    expect(kept).toEqual({ osVersion: '15.2(4)E', serial: 'FOC123' });
  });
});
