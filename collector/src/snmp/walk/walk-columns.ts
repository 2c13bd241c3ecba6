import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import type { SnmpProblem } from '@steward/shared';
import type { SnmpAgent } from '../session/snmp-agent.js';
import { SnmpRequestError } from '../snmp-error.js';
import { compareOids, isBelow } from './oid-order.js';
import type { DeviceBudget, WalkLimits } from './walk-limits.js';

export interface WalkOutcome {
  name: string;
  /** Varbinds found below each root, in the order the agent gave them (strictly increasing). */
  columns: Map<string, Varbind[]>;
  rows: number;
  requests: number;
  durationMs: number;
  complete: boolean;
  problem?: SnmpProblem;
  /** Set when the agent went out of order without repeating itself (a warning, the walk went on). */
  outOfOrder?: string;
}

interface Cursor {
  root: string;
  last: string;
  done: boolean;
  found: Varbind[];
  /** Every OID taken, kept only once the agent has gone out of order, to tell disorder from a loop. */
  seen?: Set<string>;
}

const TOO_BIG = 1;

class WalkStop extends Error {
  constructor(readonly problem: SnmpProblem) {
    super(problem.message);
  }
}

/**
 * Walks several subtrees at once (table columns, usually) with GETBULK, or GETNEXT on SNMPv1.
 * Stops cleanly at the end of each subtree; stops with a problem when an OID does not increase,
 * when the row, byte or time bounds are reached, or when the device stops answering.
 */
export async function walkColumns(
  client: SnmpAgent,
  name: string,
  roots: string[],
  limits: WalkLimits,
  budget: DeviceBudget,
): Promise<WalkOutcome> {
  const started = Date.now();
  const phase = `walk:${name}`;
  const cursors: Cursor[] = roots.map((root) => ({ root, last: root, done: false, found: [] }));
  const outcome: WalkOutcome = { name, columns: new Map(), rows: 0, requests: 0, durationMs: 0, complete: false };
  let bulkVarbinds = limits.bulkVarbinds;
  try {
    for (let active = cursors; active.length > 0; active = active.filter((c) => !c.done)) {
      checkTime(client.device, phase, started, limits, budget);
      const repetitions = Math.max(1, Math.floor(bulkVarbinds / active.length));
      let answers: Varbind[][];
      try {
        answers = await ask(client, active.map((c) => c.last), repetitions);
      } catch (error) {
        if (error instanceof SnmpRequestError && error.status === TOO_BIG && repetitions > 1) {
          bulkVarbinds = Math.max(active.length, Math.floor(bulkVarbinds / 2));
          continue;
        }
        throw error;
      }
      outcome.requests++;
      active.forEach((cursor, i) => take(cursor, answers[i] ?? [], outcome, client.device, phase, limits, budget));
    }
    outcome.complete = true;
    if (outcome.outOfOrder) {
      outcome.problem = {
        phase,
        code: 'oid-out-of-order',
        message: `${client.device}: ${phase}: ${outcome.outOfOrder}; OIDs out of order, none repeated, walk completed`.slice(0, 1024),
      };
    }
  } catch (error) {
    outcome.problem = toProblem(error, client.device, phase);
  }
  for (const c of cursors) outcome.columns.set(c.root, c.found);
  outcome.durationMs = Date.now() - started;
  return outcome;
}

const NO_SUCH_NAME = 2;

function ask(client: SnmpAgent, oids: string[], repetitions: number): Promise<Varbind[][]> {
  if (client.usesBulk) return client.getBulk(oids, repetitions);
  // SNMPv1 ends a walk with a noSuchName error for the whole request, so each column asks alone.
  return Promise.all(oids.map((oid) => client.getNext([oid]).then(
    (varbinds) => varbinds.slice(0, 1),
    (error: unknown) => {
      if (error instanceof SnmpRequestError && error.status === NO_SUCH_NAME) return [];
      throw error;
    },
  )));
}

function take(
  cursor: Cursor,
  answer: Varbind[],
  outcome: WalkOutcome,
  device: string,
  phase: string,
  limits: WalkLimits,
  budget: DeviceBudget,
): void {
  if (answer.length === 0) cursor.done = true;
  for (const vb of answer) {
    if (snmp.isVarbindError(vb) || !isBelow(cursor.root, vb.oid)) {
      cursor.done = true;
      return;
    }
    if (compareOids(vb.oid, cursor.last) <= 0) {
      cursor.seen ??= new Set(cursor.found.map((f) => f.oid));
      if (cursor.seen.has(vb.oid) || vb.oid === cursor.root) {
        stop(device, phase, 'oid-not-increasing', `agent answered ${vb.oid} again after ${cursor.last}: OIDs must increase, the walk would loop`);
      }
      // Out of order but new: some agents list a table in storage order. Go on from there.
      outcome.outOfOrder ??= `agent answered ${vb.oid} after ${cursor.last}`;
    }
    cursor.seen?.add(vb.oid);
    cursor.last = vb.oid;
    cursor.found.push(vb);
    outcome.rows++;
    budget.bytesLeft -= vb.oid.length + valueBytes(vb.value);
    if (outcome.rows > limits.maxRowsPerWalk) {
      stop(device, phase, 'row-limit', `more than ${limits.maxRowsPerWalk} varbinds below ${cursor.root}; walk cut short`);
    }
    if (budget.bytesLeft < 0) {
      stop(device, phase, 'byte-limit', 'the device answered more data than one probe may hold; walk cut short');
    }
  }
}

function checkTime(device: string, phase: string, started: number, limits: WalkLimits, budget: DeviceBudget): void {
  const now = Date.now();
  if (now - started > limits.walkTimeMs) stop(device, phase, 'time-limit', `walk took longer than ${limits.walkTimeMs} ms`);
  if (now > budget.deadline) stop(device, phase, 'time-limit', 'the time allowed for this device ran out');
}

function stop(device: string, phase: string, code: SnmpProblem['code'], detail: string): never {
  throw new WalkStop({ phase, code, message: `${device}: ${phase}: ${detail}`.slice(0, 1024) });
}

function toProblem(error: unknown, device: string, phase: string): SnmpProblem {
  if (error instanceof WalkStop) return error.problem;
  if (error instanceof SnmpRequestError) {
    return { phase, code: error.code, message: `${device}: ${phase}: ${error.message}`.slice(0, 1024) };
  }
  throw error;
}

function valueBytes(value: Varbind['value']): number {
  if (Buffer.isBuffer(value) || typeof value === 'string') return value.length;
  return 8;
}
