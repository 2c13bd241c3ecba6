import type { SnmpInterfaceCounters, SnmpPollSample } from '@steward/shared';
import { counterDelta, type CounterWidth } from './counter-delta.js';

const FIELDS = ['inOctets', 'outOctets', 'inPackets', 'outPackets', 'inErrors', 'outErrors', 'inDiscards', 'outDiscards'] as const;
type CounterField = (typeof FIELDS)[number];

export interface InterfaceDeltas {
  ifIndex: number;
  seconds: number;
  /** Increase of each counter; absent when the two samples cannot be compared for it. */
  deltas: Partial<Record<CounterField, bigint>>;
  /** Counters that wrapped or were reset between the samples. */
  events: Partial<Record<CounterField, 'wrapped' | 'reset'>>;
}

const OCTET_FIELDS = new Set<CounterField>(['inOctets', 'outOctets']);
const PACKET_FIELDS = new Set<CounterField>(['inPackets', 'outPackets']);

/**
 * Per-interface counter increases between two polls of the same device. An agent restart (sysUpTime
 * lower than before) voids every delta; a 64-bit counter that went down was reset; a 32-bit one
 * wrapped unless the link speed makes that impossible.
 */
export function interfaceDeltas(
  previous: SnmpPollSample,
  current: SnmpPollSample,
  speedBps: ReadonlyMap<number, number> = new Map(),
): InterfaceDeltas[] {
  const seconds = (Date.parse(current.takenAt) - Date.parse(previous.takenAt)) / 1000;
  const agentRestarted = previous.sysUpTime !== undefined && current.sysUpTime !== undefined && current.sysUpTime < previous.sysUpTime;
  const before = new Map(previous.interfaces.map((i) => [i.ifIndex, i]));
  const found: InterfaceDeltas[] = [];
  for (const now of current.interfaces) {
    const then = before.get(now.ifIndex);
    if (!then) continue;
    const entry: InterfaceDeltas = { ifIndex: now.ifIndex, seconds, deltas: {}, events: {} };
    for (const field of FIELDS) {
      const a = then[field];
      const b = now[field];
      if (a === undefined || b === undefined) continue;
      const width = widthOf(field, then, now);
      const speed = speedBps.get(now.ifIndex);
      const maxPerSecond = speed === undefined ? undefined : OCTET_FIELDS.has(field) ? speed / 8 : PACKET_FIELDS.has(field) ? speed / 8 / 64 : undefined;
      const { delta, event } = counterDelta(BigInt(a), BigInt(b), width, { agentRestarted, elapsedSeconds: seconds, maxPerSecond });
      if (delta !== undefined) entry.deltas[field] = delta;
      if (event) entry.events[field] = event;
    }
    found.push(entry);
  }
  return found;
}

/** Octet and packet counters are 64-bit when both samples read them from ifXTable's HC columns. */
function widthOf(field: CounterField, a: SnmpInterfaceCounters, b: SnmpInterfaceCounters): CounterWidth {
  if (!OCTET_FIELDS.has(field) && !PACKET_FIELDS.has(field)) return 32;
  return a.highCapacity && b.highCapacity ? 64 : 32;
}
