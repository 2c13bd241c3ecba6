/**
 * Exponential backoff with full jitter: a random wait up to a doubling ceiling, capped. The cap
 * bounds the ceiling, not the randomness, so thousands of agents that lost the collector at once
 * still spread out when it returns.
 */
export function backoffDelayMs(attempt: number, baseMs = 1000, capMs = 300_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

/** Seconds a `Retry-After` header asks for, or undefined. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
