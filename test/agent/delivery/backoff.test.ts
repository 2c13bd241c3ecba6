import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs } from '../../../agent/src/backoff.js';

describe('backoff with full jitter', () => {
  it('draws waits across the whole doubling range, up to the cap', () => {
    for (const [attempt, ceiling] of [[0, 1000], [3, 8000], [8, 256_000], [9, 300_000], [40, 300_000]] as const) {
      const waits = Array.from({ length: 4000 }, () => backoffDelayMs(attempt));
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...waits)).toBeLessThanOrEqual(ceiling);
      // Spread over the range rather than bunched at its top, as plain exponential backoff would be.
      expect(Math.min(...waits)).toBeLessThan(ceiling * 0.05);
      expect(Math.max(...waits)).toBeGreaterThan(ceiling * 0.95);
      const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
      expect(mean / ceiling).toBeGreaterThan(0.45);
      expect(mean / ceiling).toBeLessThan(0.55);
    }
  });

  it('honours a smaller cap, as the agent uses one collection interval', () => {
    const waits = Array.from({ length: 1000 }, () => backoffDelayMs(20, 1000, 2000));
    expect(Math.max(...waits)).toBeLessThanOrEqual(2000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    const inTen = retryAfterMs(new Date(Date.now() + 10_000).toUTCString())!;
    expect(inTen).toBeGreaterThan(8000);
    expect(inTen).toBeLessThanOrEqual(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
