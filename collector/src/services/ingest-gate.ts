import { ApiProblem } from './errors.js';

/**
 * Bounds how many reports are stored at once, below the database pool's size, so a crowd of
 * agents reconnecting together is told to come back later (429 with a jittered Retry-After)
 * instead of exhausting the pool for everyone else.
 */
export class IngestGate {
  private active = 0;

  constructor(private readonly slots: number, private readonly random = Math.random) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      const retryAfter = 2 + Math.floor(this.random() * 28);
      throw new ApiProblem(429, 'busy', 'the collector is storing as many reports as it can; retry later', undefined, { 'retry-after': String(retryAfter) });
    }
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
    }
  }
}
