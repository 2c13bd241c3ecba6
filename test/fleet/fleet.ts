import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FleetCommand, WorkerAnswer } from './fleet-messages.js';
import { emptyTally, type AgentTally } from './sim-agent.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Never more than this many agents or seconds, whatever is asked: the simulator always stops. */
export const MAX_AGENTS = 200_000;
export const MAX_SECONDS = 6 * 3600;

export interface FleetOptions {
  server: string;
  enrollSecret: string;
  agents: number;
  processes: number;
  maxSeconds: number;
  /** Hostnames are `<prefix>-000001`…; several fleets on one collector need different prefixes. */
  prefix?: string;
  /** Allow a collector that is not on this machine. */
  allowRemote?: boolean;
}

type Command = FleetCommand extends infer C ? C extends { id: number } ? Omit<C, 'id'> : never : never;

/** Agents spread over several processes, driven together. */
export class Fleet {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(a: WorkerAnswer): void }>();

  private constructor(private readonly workers: ChildProcess[], readonly shares: number[]) {
    for (const worker of workers) {
      worker.on('message', (message: WorkerAnswer) => {
        this.waiting.get(message.id)?.resolve(message);
        this.waiting.delete(message.id);
      });
    }
  }

  static async start(options: FleetOptions): Promise<Fleet> {
    const host = new URL(options.server).hostname;
    if (!options.allowRemote && !/^(127\.|localhost$|\[::1\]$|::1$)/.test(host)) {
      throw new Error(`${options.server} is not on this machine; pass --allow-remote to load a collector elsewhere`);
    }
    const agents = Math.min(MAX_AGENTS, Math.max(1, options.agents));
    const processes = Math.min(agents, Math.max(1, options.processes));
    const shares = Array.from({ length: processes }, (_, i) => Math.floor(agents / processes) + (i < agents % processes ? 1 : 0));
    const workers = shares.map(() => fork(WORKER, [], { execArgv: ['--conditions=steward-source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const fleet = new Fleet(workers, shares);
    let first = 0;
    await Promise.all(shares.map((count, i) => {
      const at = first;
      first += count;
      return fleet.ask(i, {
        type: 'init', server: options.server.replace(/\/$/, ''), enrollSecret: options.enrollSecret, prefix: options.prefix ?? 'sim',
        first: at, count, maxSeconds: Math.min(MAX_SECONDS, options.maxSeconds),
      });
    }));
    return fleet;
  }

  get size(): number {
    return this.shares.reduce((a, b) => a + b, 0);
  }

  enrol(concurrency: number): Promise<AgentTally> {
    return this.all(() => ({ type: 'enrol', concurrency: Math.max(1, Math.ceil(concurrency / this.workers.length)) }));
  }

  /** `count` reports at `concurrency` in all, shared out between the processes. */
  reports(kind: 'full' | 'delta', concurrency: number, count: number, upgrades = 20): Promise<AgentTally> {
    const n = this.workers.length;
    return this.all((i) => {
      const share = Math.floor(concurrency / n) + (i < concurrency % n ? 1 : 0);
      const reports = share ? Math.round((count * share) / concurrency) : 0;
      return { type: 'reports', kind, concurrency: share, count: reports, upgrades };
    });
  }

  connect(): Promise<AgentTally> {
    return this.all(() => ({ type: 'connect' }));
  }

  tally(): Promise<AgentTally> {
    return this.all(() => ({ type: 'tally' }));
  }

  async stop(): Promise<void> {
    await Promise.race([this.all(() => ({ type: 'stop' })), new Promise((resolve) => setTimeout(resolve, 5000))]);
    for (const worker of this.workers) if (worker.exitCode === null) worker.kill();
  }

  private async all(command: (worker: number) => Command): Promise<AgentTally> {
    const answers = await Promise.all(this.workers.map((_, i) => this.ask(i, command(i))));
    return sumTallies(answers);
  }

  private ask(worker: number, command: Command): Promise<AgentTally> {
    const id = this.nextId++;
    return new Promise<WorkerAnswer>((resolve) => {
      this.waiting.set(id, { resolve });
      this.workers[worker]!.send({ ...command, id });
    }).then((answer) => {
      if (answer.type === 'failed') throw new Error(`fleet process ${worker}: ${answer.message}`);
      return { ...answer.tally, connects: answer.tally.connects, connected: answer.connected } as AgentTally & { connected: number };
    });
  }
}

function sumTallies(tallies: AgentTally[]): AgentTally & { connected: number } {
  const sum = { ...emptyTally(), connected: 0 };
  for (const t of tallies as Array<AgentTally & { connected: number }>) {
    sum.enrolled += t.enrolled;
    sum.fullReports += t.fullReports;
    sum.deltas += t.deltas;
    sum.refused += t.refused;
    sum.failed += t.failed;
    sum.heartbeatsAcked += t.heartbeatsAcked;
    sum.connects += t.connects;
    sum.connected += t.connected ?? 0;
    sum.ackMs.push(...t.ackMs);
  }
  return sum;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
