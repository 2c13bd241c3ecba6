import type { CollectorMessage } from '@steward/shared';
import type { Database } from '../store/database.js';
import { notify } from '../store/notify.js';

const CHANNEL = 'steward_agent_commands';

interface Connection {
  send(message: CollectorMessage): void;
}

/**
 * The agents connected to this collector. A command for an agent goes through PostgreSQL, so it
 * reaches the agent whichever collector behind the load balancer holds its socket.
 */
export class AgentConnections {
  private readonly connected = new Map<string, Connection>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      try {
        const { agentId, message } = JSON.parse(payload) as { agentId: string; message: CollectorMessage };
        this.connected.get(agentId)?.send(message);
      } catch {
        // Not ours to crash on: a malformed payload on our channel is ignored.
      }
    });
  }

  attach(agentId: string, connection: Connection): () => void {
    this.connected.set(agentId, connection);
    return () => {
      if (this.connected.get(agentId) === connection) this.connected.delete(agentId);
    };
  }

  get count(): number {
    return this.connected.size;
  }

  async sendToAgent(agentId: string, message: CollectorMessage): Promise<void> {
    await notify(this.db, CHANNEL, JSON.stringify({ agentId, message }));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }
}
