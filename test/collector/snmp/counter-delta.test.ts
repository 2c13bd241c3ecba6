import { describe, expect, it } from 'vitest';
import type { SnmpPollSample } from '@steward/shared';
import { counterDelta } from '../../../collector/src/snmp/poll/counter-delta.js';
import { interfaceDeltas } from '../../../collector/src/snmp/poll/interface-rates.js';

const MAX32 = 2n ** 32n;

describe('counterDelta', () => {
  it('subtracts readings that went up', () => {
    expect(counterDelta(1000n, 1500n, 32)).toEqual({ delta: 500n });
  });
  it('adds the wrap of a Counter32 that passed its maximum', () => {
    expect(counterDelta(MAX32 - 100n, 50n, 32)).toEqual({ delta: 150n, event: 'wrapped' });
  });
  it('calls a Counter32 drop a reset when the wrap would need more than the link can carry', () => {
    // 1 Gb/s for 10 s is 1.25e9 octets; a wrap from 100 to 50 would mean nearly 4.3e9.
    expect(counterDelta(100n, 50n, 32, { elapsedSeconds: 10, maxPerSecond: 125e6 })).toEqual({ event: 'reset' });
  });
  it('calls a Counter64 that went down a reset', () => {
    expect(counterDelta(2n ** 40n, 10n, 64)).toEqual({ event: 'reset' });
  });
  it('gives nothing after an agent restart', () => {
    expect(counterDelta(10n, 20n, 64, { agentRestarted: true })).toEqual({ event: 'reset' });
  });
  it('refuses readings outside the counter width', () => {
    expect(counterDelta(0n, MAX32, 32)).toEqual({ event: 'reset' });
  });
});

describe('interfaceDeltas', () => {
  const sample = (takenAt: string, sysUpTime: number, inOctets: string, highCapacity: boolean): SnmpPollSample => ({
    target: { host: '192.0.2.1', port: 161 },
    takenAt,
    sysUpTime,
    interfaces: [{ ifIndex: 1, inOctets, outOctets: '10', highCapacity, operStatus: 'up' }],
  });

  it('uses 64-bit arithmetic for HC counters and 32-bit wraps otherwise', () => {
    const wrapped = interfaceDeltas(sample('2024-01-01T00:00:00Z', 100, String(MAX32 - 10n), false), sample('2024-01-01T00:01:00Z', 6100, '20', false));
    expect(wrapped[0]).toMatchObject({ seconds: 60, deltas: { inOctets: 30n, outOctets: 0n }, events: { inOctets: 'wrapped' } });
    const hc = interfaceDeltas(sample('2024-01-01T00:00:00Z', 100, String(MAX32 - 10n), true), sample('2024-01-01T00:01:00Z', 6100, String(MAX32 + 20n), true));
    expect(hc[0]!.deltas.inOctets).toBe(30n);
  });

  it('voids every delta when sysUpTime went back (the agent restarted)', () => {
    const d = interfaceDeltas(sample('2024-01-01T00:00:00Z', 9000, '500', true), sample('2024-01-01T00:01:00Z', 50, '600', true));
    expect(d[0]).toMatchObject({ deltas: {}, events: { inOctets: 'reset', outOctets: 'reset' } });
  });
});
