import type { AgentTally } from './sim-agent.js';

/** What the fleet's parent asks of a worker process. Every command is answered once, by id. */
export type FleetCommand = { id: number } & (
  | { type: 'init'; server: string; enrollSecret: string; prefix: string; first: number; count: number; maxSeconds: number }
  | { type: 'enrol'; concurrency: number }
  | { type: 'reports'; kind: 'full' | 'delta'; concurrency: number; count: number; upgrades: number }
  | { type: 'connect' }
  | { type: 'tally' }
  | { type: 'stop' }
);

export type WorkerAnswer =
  | { type: 'done'; id: number; tally: AgentTally; connected: number }
  | { type: 'failed'; id: number; message: string };
