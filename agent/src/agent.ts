import os from 'node:os';
import type { Logger } from 'pino';
import type { AgentConfig } from './config.js';
import { CollectorClient } from './client.js';
import { AgentChannel } from './channel.js';
import { InventoryAgent } from './inventory-agent.js';
import type { AgentState } from './state.js';

async function enrolWithRetry(client: CollectorClient, hostname: string, log: Logger, deadlineMs: number, signal?: AbortSignal): Promise<AgentState> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.identity(hostname, undefined);
    } catch (error) {
      const message = (error as Error).message;
      // A refusal is final; only an unreachable collector is worth waiting for.
      if (message.startsWith('enrolment refused') || message.includes('no enrolment secret') || Date.now() > deadline || signal?.aborted) throw error;
      log.warn({ err: message }, 'collector unreachable for enrolment; retrying');
      await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }
}

async function startAgent(config: AgentConfig, log: Logger, deadlineMs: number, signal?: AbortSignal): Promise<InventoryAgent> {
  const client = new CollectorClient(config, log);
  const hostname = os.hostname();
  const state = await enrolWithRetry(client, hostname, log, deadlineMs, signal);
  return new InventoryAgent(config, log, client, state, () => client.identity(hostname, undefined, true));
}

/** Collects one report, spools it, and delivers everything spooled. */
export async function runOnce(config: AgentConfig, log: Logger, deadlineMs = config.retryForSeconds * 1000) {
  const agent = await startAgent(config, log, deadlineMs);
  await agent.collect();
  return agent.deliver(deadlineMs);
}

/** A wake-up call that can be waited for with a timeout, and rung from anywhere. */
class Alarm {
  private ring: (() => void) | undefined;
  private rung = false;

  wake(): void {
    this.rung = true;
    this.ring?.();
  }

  wait(ms: number): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.ring = undefined;
        self.rung = false;
        resolve();
      }
      this.ring = done;
    });
  }
}

/**
 * Runs until stopped: a collection every interval (or at once when the collector asks), and
 * beside it the delivery of what is spooled, which keeps retrying through collector outages
 * while collections go on and spool what changes meanwhile.
 */
export async function runDaemon(config: AgentConfig, log: Logger, signal: AbortSignal): Promise<void> {
  try {
    os.setPriority(19);
  } catch {
    // Lowering priority is a courtesy; a platform that refuses it still gets its inventory.
  }
  const agent = await startAgent(config, log, Number.MAX_SAFE_INTEGER, signal);
  const collectAlarm = new Alarm();
  const deliverAlarm = new Alarm();
  const channel = new AgentChannel(config.server, () => agent.state, log, {
    collectNow: () => collectAlarm.wake(),
    resync: () => {
      agent.requestFullReport();
      collectAlarm.wake();
    },
  });
  channel.open();
  signal.addEventListener('abort', () => {
    channel.close();
    collectAlarm.wake();
    deliverAlarm.wake();
  });
  const collecting = (async () => {
    while (!signal.aborted) {
      try {
        await agent.collect();
        deliverAlarm.wake();
      } catch (error) {
        log.error({ err: (error as Error).message }, 'collection cycle failed');
      }
      if (!signal.aborted) await collectAlarm.wait(config.intervalSeconds * 1000);
    }
  })();
  const delivering = (async () => {
    while (!signal.aborted) {
      try {
        await agent.deliver(Number.MAX_SAFE_INTEGER, signal);
      } catch (error) {
        log.error({ err: (error as Error).message }, 'delivery failed');
      }
      if (!signal.aborted) await deliverAlarm.wait(config.intervalSeconds * 1000);
    }
  })();
  await Promise.all([collecting, delivering]);
}
