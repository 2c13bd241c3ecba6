import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadAgentConfig } from './config.js';
import { collectReport } from './report.js';
import { runDaemon, runOnce } from './agent.js';
import { readAgentState } from './state.js';
import { AGENT_VERSION } from './version.js';

const HELP = `steward-agent ${AGENT_VERSION}: reports this machine's hardware and installed software to a Steward collector

Usage: steward-agent [--print | --once] [--config FILE]
  --print         collect and print the report as JSON; sends nothing, needs no network
  --once          collect, send (retrying while the collector is unreachable), and exit
  (no flag)       run as a service: collect every interval and stay connected
  --config FILE   JSON configuration file (server, enrollSecret, stateDir, intervalSeconds)
  --version       print the version

Environment: STEWARD_SERVER, STEWARD_ENROLL_SECRET, STEWARD_AGENT_STATE_DIR, STEWARD_AGENT_INTERVAL, STEWARD_LOG_LEVEL`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      print: { type: 'boolean' },
      once: { type: 'boolean' },
      config: { type: 'string' },
      version: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(HELP), 0;
  if (values.version) return console.log(AGENT_VERSION), 0;
  const config = loadAgentConfig(values.config ?? process.env.STEWARD_AGENT_CONFIG);
  // Logs go to stderr so that --print's standard output is the report alone.
  const log = pino({ level: config.logLevel, base: { service: 'steward-agent' } }, pino.destination(2));
  if (values.print) {
    const agentId = readAgentState(config.stateDir)?.agentId ?? '00000000-0000-4000-8000-000000000000';
    const json = `${JSON.stringify(await collectReport(agentId), null, 2)}\n`;
    // Exit only once the pipe has taken everything: a report is far larger than a pipe's buffer.
    await new Promise<void>((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
    return 0;
  }
  if (values.once) {
    const result = await runOnce(config, log);
    return result.pending === 0 ? 0 : 3;
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  await runDaemon(config, log, controller.signal);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`steward-agent: ${error.message}\n`);
    process.exit(1);
  },
);
