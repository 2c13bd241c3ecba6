import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../dashboard/src/api/reconnect-delay.js';

describe('reconnectDelay', () => {
  it('stays between half and all of an exponentially growing ceiling', () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const ceiling = 500 * 2 ** attempt;
      expect(reconnectDelay(attempt, () => 0)).toBe(ceiling / 2);
      expect(reconnectDelay(attempt, () => 0.999999)).toBeLessThanOrEqual(ceiling);
      expect(reconnectDelay(attempt, () => 0.999999)).toBeGreaterThan(ceiling * 0.99);
    }
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    for (const attempt of [10, 50, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(reconnectDelay(attempt, () => 1, { capMs: 30_000 })).toBeLessThanOrEqual(30_000);
      expect(reconnectDelay(attempt, () => 0, { capMs: 30_000 })).toBe(15_000);
    }
  });

  it('spreads dashboards out: delays for the same attempt differ with the random draw', () => {
    const delays = new Set(Array.from({ length: 200 }, () => reconnectDelay(4)));
    expect(delays.size).toBeGreaterThan(50);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});
