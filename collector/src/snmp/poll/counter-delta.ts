export type CounterWidth = 32 | 64;

export interface CounterDelta {
  /** Units counted between the two readings; undefined when they cannot be compared. */
  delta?: bigint;
  /** 'wrapped' when the counter passed its maximum once; 'reset' when it restarted (agent reboot, counter cleared). */
  event?: 'wrapped' | 'reset';
}

export interface DeltaContext {
  /** The agent restarted between the readings (sysUpTime went back): every counter restarted with it. */
  agentRestarted?: boolean;
  /** Seconds between the readings and the fastest the counter can grow, to tell a wrap from a reset. */
  elapsedSeconds?: number;
  maxPerSecond?: number;
}

const MODULUS: Record<CounterWidth, bigint> = { 32: 1n << 32n, 64: 1n << 64n };

/**
 * The increase of an SNMP counter between two readings. A Counter32 that went down wrapped once,
 * unless that wrap would need a rate above maxPerSecond; a Counter64 that went down was reset (it
 * cannot wrap in any realistic time). After an agent restart no delta is given.
 */
export function counterDelta(previous: bigint, current: bigint, width: CounterWidth, context: DeltaContext = {}): CounterDelta {
  const modulus = MODULUS[width];
  if (previous < 0n || current < 0n || previous >= modulus || current >= modulus) return { event: 'reset' };
  if (context.agentRestarted) return { event: 'reset' };
  if (current >= previous) return { delta: current - previous };
  if (width === 64) return { event: 'reset' };
  const wrapped = modulus - previous + current;
  const { elapsedSeconds, maxPerSecond } = context;
  if (elapsedSeconds !== undefined && maxPerSecond !== undefined && Number(wrapped) > maxPerSecond * elapsedSeconds) {
    return { event: 'reset' };
  }
  return { delta: wrapped, event: 'wrapped' };
}
