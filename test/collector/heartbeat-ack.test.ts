import { describe, expect, it } from 'vitest';
import { ackTellsSomething, type ToldAgent } from '../../collector/src/services/heartbeat-ack.js';

const ack = (heartbeatIntervalSeconds: number, reconnectSpreadSeconds: number) =>
  ({ type: 'heartbeat-ack' as const, serverTime: new Date(0).toISOString(), heartbeatIntervalSeconds, reconnectSpreadSeconds });

describe('which heartbeats are acknowledged', () => {
  const told: ToldAgent = { heartbeatIntervalSeconds: 30, reconnectSpreadSeconds: 100, at: 1_000_000 };

  it('answers the first heartbeat of a channel', () => {
    expect(ackTellsSomething(undefined, ack(30, 100), 1_000_000)).toBe(true);
  });

  it('stays silent while nothing the agent follows has moved, for up to ten minutes', () => {
    expect(ackTellsSomething(told, ack(30, 100), told.at + 30_000)).toBe(false);
    expect(ackTellsSomething(told, ack(30, 119), told.at + 9 * 60_000)).toBe(false);
    expect(ackTellsSomething(told, ack(30, 100), told.at + 10 * 60_000)).toBe(true);
  });

  it('answers when the interval changes or the spread moves by more than a fifth', () => {
    expect(ackTellsSomething(told, ack(60, 100), told.at + 1000)).toBe(true);
    expect(ackTellsSomething(told, ack(30, 121), told.at + 1000)).toBe(true);
    expect(ackTellsSomething(told, ack(30, 79), told.at + 1000)).toBe(true);
    // A small crowd: a spread of 1 s going to 3 s is news, to 2 s is not.
    const small: ToldAgent = { heartbeatIntervalSeconds: 30, reconnectSpreadSeconds: 1, at: 0 };
    expect(ackTellsSomething(small, ack(30, 2), 1000)).toBe(false);
    expect(ackTellsSomething(small, ack(30, 3), 1000)).toBe(true);
  });
});
