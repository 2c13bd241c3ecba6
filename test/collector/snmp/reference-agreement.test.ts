import { describe, expect, it } from 'vitest';
import { matchOsPatterns } from '../../../collector/src/snmp/identify/match-os-patterns.js';
import { verdict } from '../../../collector/src/snmp/recorded/reference-agreement.js';

describe('comparing a version with a reference that decorates it', () => {
  it.each([
    ['AOS v3.5.9 / App v3.5.6', 'v3.5.9'],
    ['Westermo Wolverine, primary: v4.28.6, backup: v4.28.6, bootloader: v4.11', '4.28.6'],
    ['UF-OLT.ER-e600.v4.4.2.4598.220304.1412', '4.4.2.4598.220304.1412'],
    ['Server 2003 (NT 5.2)', '5.2.3790'],
    ['7 (NT 6.1)', '6.1.7600'],
    ['250 (180821PL1736)', '250'],
  ])('%s holds %s', (reference, ours) => {
    expect(verdict('version', reference, { version: ours })).toBe('agree');
  });

  it.each([
    ['AOS v2.6.4 / App v1.0.6', 'v6.4.6'],
    ['2.6', '2.6.36.4brcmarm'],
    ['x2.6', '2.6.1'],
    ['iStars_SWV4.25', '4.25'],
    ['20.1.0.87', '20.1.0'],
    ['250 (180821PL1736)', '25'],
    ['2 (250)', '250'],
  ])('%s does not hold %s', (reference, ours) => {
    expect(verdict('version', reference, { version: ours })).toBe('wrong');
  });
});

describe('sysDescr rules', () => {
  it('match a sysDescr the agent wraps in quotes, plain or escaped', () => {
    for (const descr of ['"TiMOS-C-23.10.R3 cpm/hops64 Nokia 7750 SR Copyright (c) 2000-2024 Nokia."', '\\"TiMOS-C-23.10.R3 cpm/hops64 Nokia 7750 SR Copyright (c) 2000-2024 Nokia.']) {
      const found = matchOsPatterns(descr, '1.3.6.1.4.1.6527.1.3.17', 6527, 'Nokia');
      expect(found.os?.value).toBe('TiMOS');
      expect(found.version?.value).toBe('23.10.R3');
    }
  });

  it('read a serial number sysDescr states, and no word that holds no digit', () => {
    expect(matchOsPatterns('Router model RS123w-4G S/N: RNPFDK019380272  SWL: BASE', undefined, undefined, undefined).serial?.value).toBe('RNPFDK019380272');
    expect(matchOsPatterns('Rittal CMC-TC/LCP-InlineEC SN 07627 HW V3.20 - SW V6.50.00', undefined, undefined, undefined).serial?.value).toBe('07627');
    expect(matchOsPatterns('ROM: System Bootstrap, Version 0.4.3\nSerial num:A00000000, ID num:11111111', undefined, undefined, undefined).serial?.value).toBe('A00000000');
    expect(matchOsPatterns('SSG5-Serial version 6.3.0r24.0 (Firewall+VPN)', undefined, undefined, undefined).serial).toBeUndefined();
    expect(matchOsPatterns('SNMP Agent for SN2010 switches', undefined, undefined, undefined).serial).toBeUndefined();
  });
});
