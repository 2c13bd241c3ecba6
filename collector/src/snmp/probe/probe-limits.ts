import { DEFAULT_TIMING, type SnmpTiming } from '../session/timing.js';
import { DEFAULT_WALK_LIMITS, type WalkLimits } from '../walk/walk-limits.js';

/** Every bound a probe of one device obeys. */
export interface ProbeLimits extends SnmpTiming, WalkLimits {
  /** Wall-clock time one device may take, all walks included. */
  deviceTimeMs: number;
  /** OID and value bytes one device's answers may add up to. */
  maxBytesPerDevice: number;
  /** Walks of one device in flight at once. */
  parallelWalks: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = {
  ...DEFAULT_TIMING,
  ...DEFAULT_WALK_LIMITS,
  deviceTimeMs: 180_000,
  maxBytesPerDevice: 32 * 1024 * 1024,
  parallelWalks: 3,
};

export function probeLimits(overrides: Partial<ProbeLimits> = {}): ProbeLimits {
  const merged = { ...DEFAULT_PROBE_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (merged as Record<string, number>)[key] = value;
  }
  return merged;
}
