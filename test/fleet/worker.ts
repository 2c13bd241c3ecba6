// One process of the simulated fleet: a share of the agents, driven by the parent over IPC.
import { basePackageLists, packagesFor, upgradeSome } from './package-lists.js';
import { SimulatedAgent, emptyTally } from './sim-agent.js';
import type { FleetCommand, WorkerAnswer } from './fleet-messages.js';

const tally = emptyTally();
let agents: SimulatedAgent[] = [];
let next = 0;

function answer(message: WorkerAnswer): void {
  process.send?.(message);
}

/** Runs `count` reports over this process's agents, `concurrency` at a time; a refused one is tried again. */
async function reports(kind: 'full' | 'delta', concurrency: number, count: number, upgrades: number): Promise<void> {
  let left = count;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left > 0) {
      left--;
      const agent = agents[next++ % agents.length]!;
      for (let attempt = 0; ; attempt++) {
        let done = false;
        try {
          done = kind === 'full' ? await agent.fullReport() : await agent.delta((software, round) => upgradeSome(software, upgrades, round));
        } catch (error) {
          // A collector too busy to answer at all: counted, and tried again a few times like an agent would.
          tally.failed++;
          if (attempt >= 5) throw error;
        }
        if (done) break;
        // Sooner than the collector asks: the bench measures how much gets through, not how patient agents are.
        await new Promise((resolve) => setTimeout(resolve, Math.min(agent.lastRetryAfterMs, 250)));
      }
    }
  }));
}

async function handle(command: FleetCommand): Promise<void> {
  switch (command.type) {
    case 'init': {
      const bases = await basePackageLists();
      agents = Array.from({ length: command.count }, (_, i) => {
        const index = command.first + i;
        return new SimulatedAgent(command.server, command.enrollSecret, `${command.prefix}-${String(index).padStart(6, '0')}`, packagesFor(index, bases), tally);
      });
      // Never outlive the run: a parent that dies or forgets leaves no agents behind.
      setTimeout(() => process.exit(0), command.maxSeconds * 1000).unref();
      break;
    }
    case 'enrol': {
      let at = 0;
      await Promise.all(Array.from({ length: command.concurrency }, async () => {
        while (at < agents.length) await agents[at++]!.enrol();
      }));
      break;
    }
    case 'reports':
      await reports(command.kind, command.concurrency, command.count, command.upgrades);
      break;
    case 'connect':
      for (const agent of agents) agent.connect();
      while (agents.some((a) => !a.connected)) await new Promise((resolve) => setTimeout(resolve, 100));
      break;
    case 'tally':
      break;
    case 'stop':
      for (const agent of agents) agent.stop();
      answer({ type: 'done', id: command.id, tally, connected: 0 });
      process.exit(0);
  }
  answer({ type: 'done', id: command.id, tally, connected: agents.filter((a) => a.connected).length });
  tally.ackMs = [];
}

process.on('message', (command: FleetCommand) => {
  handle(command).catch((error: Error) => answer({ type: 'failed', id: command.id, message: error.message }));
});
process.on('disconnect', () => process.exit(0));
