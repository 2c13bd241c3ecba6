import type { CollectorMessage } from '@steward/shared';
import type { Database } from '../store/database.js';
import { notify } from '../store/notify.js';

const CHANNEL = 'steward_agent_commands';

interface Connection {
  send(message: CollectorMessage): void;
  /** Ends the connection: the agent was revoked or retired. */
  close(reason: string): void;
}

type ChannelMessage = { agentId: string; message: CollectorMessage } | { agentId: string; close: string };

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
        const parsed = JSON.parse(payload) as ChannelMessage;
        const connection = this.connected.get(parsed.agentId);
        if ('close' in parsed) connection?.close(parsed.close);
        else connection?.send(parsed.message);
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

  /** Closes the agent's sockets on every collector at once: a revoked agent is heard no more. */
  async disconnect(agentId: string, reason = 'agent revoked'): Promise<void> {
    await notify(this.db, CHANNEL, JSON.stringify({ agentId, close: reason } satisfies ChannelMessage));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }
}
