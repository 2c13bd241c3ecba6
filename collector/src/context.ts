import type { Logger } from 'pino';
import type { DatabaseKind } from '@steward/shared';
import type { CollectorConfig } from './config.js';
import type { Database } from './store/database.js';
import type { LiveEvents } from './services/live-events.js';
import type { AgentConnections } from './services/agent-connections.js';
import type { MasterKeys } from './services/secrets.js';
import type { IngestGate } from './services/ingest-gate.js';
import type { PresenceBuffer } from './services/presence.js';

/** What every route and service of one running collector shares. */
export interface CollectorContext {
  config: CollectorConfig;
  db: Database;
  databaseKind: DatabaseKind;
  log: Logger;
  live: LiveEvents;
  agents: AgentConnections;
  enrollSecret: string;
  /** Seal and open secrets at rest with services/secrets.ts (sealSecret / openSecret). */
  secrets: MasterKeys;
  /** Bounds concurrent report ingests below the database pool size. */
  ingestGate: IngestGate;
  /** Heartbeats held in memory and written in batches. */
  presence: PresenceBuffer;
}
