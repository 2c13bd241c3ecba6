import { describe, expect, it } from 'vitest';
import { expandTargets, TargetSpecError } from '../../../collector/src/snmp/discovery/expand-targets.js';

describe('expandTargets', () => {
  it('expands a /24 without its network and broadcast addresses', () => {
    const hosts = expandTargets({ include: ['192.0.2.0/24'] });
    expect(hosts).toHaveLength(254);
    expect(hosts[0]).toBe('192.0.2.1');
    expect(hosts.at(-1)).toBe('192.0.2.254');
  });
  it('expands full and short ranges and lists, dropping duplicates and exclusions', () => {
    expect(expandTargets({ include: ['10.0.0.1-10.0.0.3, 10.0.0.3-5', '10.0.1.9'], exclude: ['10.0.0.4'] }))
      .toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.5', '10.0.1.9']);
  });
  it('crosses byte boundaries in a range', () => {
    expect(expandTargets({ include: ['10.0.0.254-10.0.1.1'] })).toEqual(['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1']);
  });
  it('excludes a whole block', () => {
    expect(expandTargets({ include: ['192.0.2.0/29'], exclude: ['192.0.2.0/30'] })).toEqual(['192.0.2.4', '192.0.2.5', '192.0.2.6']);
  });
  it('takes small IPv6 blocks', () => {
    expect(expandTargets({ include: ['2001:db8::/126'] })).toEqual(['2001:db8::', '2001:db8::1', '2001:db8::2', '2001:db8::3']);
  });
  it('refuses what it cannot read or what is too large, naming the item', () => {
    expect(() => expandTargets({ include: ['10.0.0.300'] })).toThrow(/"10\.0\.0\.300" is not an IP address/);
    expect(() => expandTargets({ include: ['10.0.0.9-10.0.0.1'] })).toThrow(TargetSpecError);
    expect(() => expandTargets({ include: ['10.0.0.0/8'] })).toThrow(/holds more than/);
  });
});
