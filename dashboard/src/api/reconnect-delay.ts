export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * Delay before reconnection attempt number `attempt` (0 for the first): exponential, capped, with
 * half of it random so that every dashboard open on a restarted collector does not knock at once.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const { baseMs = 500, capMs = 30_000 } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
