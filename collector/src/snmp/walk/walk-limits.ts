/** Bounds on one walk, so that no device can hold the collector's time or memory. */
export interface WalkLimits {
  /** Varbinds asked for per GETBULK, shared among the columns walked together. */
  bulkVarbinds: number;
  /** Varbinds one walk may return before it is cut short. */
  maxRowsPerWalk: number;
  /** Wall-clock time one walk may take. */
  walkTimeMs: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = {
  bulkVarbinds: 48,
  maxRowsPerWalk: 100_000,
  walkTimeMs: 60_000,
};

/** What one device may still spend, shared by all its walks. */
export interface DeviceBudget {
  /** Date.now() after which no further request is sent. */
  deadline: number;
  /** Bytes of OIDs and values still allowed to be held in memory. */
  bytesLeft: number;
}
