import { describe, expect, it } from 'vitest';
import { operatingSystemLabel } from '../../dashboard/src/format/operating-system.js';

describe('operatingSystemLabel', () => {
  it('does not repeat a version the name already carries', () => {
    expect(operatingSystemLabel({ osName: 'Ubuntu 22.04.4 LTS', osVersion: '22.04.4' })).toBe('Ubuntu 22.04.4 LTS');
    expect(operatingSystemLabel({ osName: 'Debian GNU/Linux', osVersion: '12' })).toBe('Debian GNU/Linux 12');
    expect(operatingSystemLabel({ osName: '  ', osVersion: '12' })).toBe('Unknown');
  });
});
