import { liveEvent, type LiveEvent } from '@steward/shared';
import type { Database } from '../store/database.js';
import { notify } from '../store/notify.js';

const CHANNEL = 'steward_live';

/**
 * Live events travel through PostgreSQL NOTIFY, so a dashboard connected to any collector sees
 * what every collector ingests.
 */
export class LiveEvents {
  private readonly handlers = new Set<(event: LiveEvent) => void>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      let parsed;
      try {
        parsed = liveEvent.safeParse(JSON.parse(payload));
      } catch {
        return;
      }
      if (!parsed.success) return;
      for (const handler of this.handlers) handler(parsed.data);
    });
  }

  async publish(event: LiveEvent): Promise<void> {
    await notify(this.db, CHANNEL, JSON.stringify(event));
  }

  subscribe(handler: (event: LiveEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.handlers.clear();
  }
}
