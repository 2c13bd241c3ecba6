import { availableParallelism } from 'node:os';
import { ApiProblem } from './errors.js';

/**
 * Slots and waiting places for a collector with this many database connections. Measured on two
 * cores (`npm run bench -- fleet`, PostgreSQL): reports a second stop rising past about two
 * reports stored at once per core, and at 32 at once every extra one only lengthens every
 * transaction's hold on its locks. A few reports may wait for a slot, so a burst is absorbed
 * instead of turned away; beyond that agents are told to come back later.
 */
export function ingestGateSize(maxDatabaseConnections: number, cores = availableParallelism()): { slots: number; waiting: number } {
  // Leave connections for the API and heartbeats while reports are being stored.
  const slots = Math.max(1, Math.min(maxDatabaseConnections - 3, 2 * cores));
  return { slots, waiting: 4 * slots };
}

/** How long a report may wait for a slot before it is turned away: well below an agent's request timeout. */
const MAX_WAIT_MS = 5_000;

/**
 * Bounds how many reports are stored at once, below the database pool's size, so a crowd of
 * agents reconnecting together is told to come back later (429 with a jittered Retry-After)
 * instead of exhausting the pool for everyone else.
 */
export class IngestGate {
  private active = 0;
  private readonly queue: Array<(admitted: boolean) => void> = [];

  constructor(private readonly slots: number, private readonly random = Math.random, private readonly maxWaiting = 0) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.slots) this.active++;
    // A waiter is handed the slot of the report that finished, so none is taken from under it.
    else if (!(await this.waitForSlot())) throw this.busy();
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next(true);
      else this.active--;
    }
  }

  /** Waits in line for a slot; false when the line is full or the wait ran out. */
  private waitForSlot(): Promise<boolean> {
    if (this.queue.length >= this.maxWaiting) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(admit);
        if (at >= 0) this.queue.splice(at, 1);
        resolve(false);
      }, MAX_WAIT_MS);
      const admit = (admitted: boolean) => {
        clearTimeout(timer);
        resolve(admitted);
      };
      this.queue.push(admit);
    });
  }

  private busy(): ApiProblem {
    const retryAfter = 2 + Math.floor(this.random() * 28);
    return new ApiProblem(429, 'busy', 'the collector is storing as many reports as it can; retry later', undefined, { 'retry-after': String(retryAfter) });
  }
}
