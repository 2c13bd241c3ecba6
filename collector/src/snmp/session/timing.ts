/** How long to wait for one answer and how often to ask again before a device counts as silent. */
export interface SnmpTiming {
  timeoutMs: number;
  retries: number;
}

export const DEFAULT_TIMING: SnmpTiming = { timeoutMs: 2000, retries: 1 };

/** The longest a single request can take: every try waits its full timeout. */
export function worstCaseRequestMs(timing: SnmpTiming): number {
  return timing.timeoutMs * (timing.retries + 1);
}
