import os from 'node:os';
import type { Logger } from 'pino';
import type { AgentConfig } from './config.js';
import { CollectorClient } from './client.js';
import { AgentChannel } from './channel.js';
import { deliverSpool } from './delivery.js';
import { collectReport } from './report.js';
import { ReportSpool } from './spool.js';
import type { AgentState } from './state.js';

/** Collects one report, spools it, and delivers everything spooled. */
export async function runOnce(config: AgentConfig, log: Logger, deadlineMs = config.retryForSeconds * 1000) {
  const client = new CollectorClient(config, log);
  const spool = new ReportSpool(config.stateDir);
  const hostname = os.hostname();
  let state = await enrolWithRetry(client, hostname, log, deadlineMs);
  const report = await collectReport(state.agentId);
  spool.add(report.reportId, JSON.stringify(report));
  log.info({ reportId: report.reportId, software: report.software.length }, 'collected');
  return deliverSpool(client, spool, state, log, {
    deadlineMs,
    reenroll: async () => (state = await client.identity(hostname, report.identity.hardwareUuid, true)),
  });
}

async function enrolWithRetry(client: CollectorClient, hostname: string, log: Logger, deadlineMs: number): Promise<AgentState> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.identity(hostname, undefined);
    } catch (error) {
      const message = (error as Error).message;
      // A refusal is final; only an unreachable collector is worth waiting for.
      if (message.startsWith('enrolment refused') || message.includes('no enrolment secret') || Date.now() > deadline) throw error;
      log.warn({ err: message }, 'collector unreachable for enrolment; retrying');
      await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }
}

/** Runs until stopped: a collection every interval, or at once when the collector asks. */
export async function runDaemon(config: AgentConfig, log: Logger, signal: AbortSignal): Promise<void> {
  try {
    os.setPriority(19);
  } catch {
    // Lowering priority is a courtesy; a platform that refuses it still gets its inventory.
  }
  const client = new CollectorClient(config, log);
  const hostname = os.hostname();
  let state = await enrolWithRetry(client, hostname, log, Number.MAX_SAFE_INTEGER);
  let wake: (() => void) | undefined;
  const channel = new AgentChannel(config.server, () => state, log, () => wake?.());
  channel.open();
  signal.addEventListener('abort', () => {
    channel.close();
    wake?.();
  });
  while (!signal.aborted) {
    try {
      await runOnce(config, log, config.intervalSeconds * 1000);
      state = (await client.identity(hostname, undefined)) ?? state;
    } catch (error) {
      log.error({ err: (error as Error).message }, 'collection cycle failed');
    }
    if (signal.aborted) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config.intervalSeconds * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
  }
}
