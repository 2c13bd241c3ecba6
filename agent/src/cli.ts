import { parseArgs } from 'node:util';
import { AGENT_VERSION } from './version.js';

const HELP = `steward-agent ${AGENT_VERSION}: reports this machine's hardware and installed software to a Steward collector

Usage: steward-agent [--print | --once] [--config FILE]
  --print         collect and print the report as JSON; sends nothing, needs no network
  --once          collect, send (retrying while the collector is unreachable), and exit
  (no flag)       run as a service: collect every interval and stay connected
  --config FILE   JSON configuration file; keys as below, environment variables win
  --version       print the version

Configuration (file key / environment variable):
  server             STEWARD_SERVER                     collector URL (http://127.0.0.1:8080)
  enrollSecret       STEWARD_ENROLL_SECRET              enrolment secret, needed until enrolled
  stateDir           STEWARD_AGENT_STATE_DIR            identity, spool and inventory snapshots
  intervalSeconds    STEWARD_AGENT_INTERVAL             seconds between collections (3600)
  fullCheckSeconds   STEWARD_AGENT_FULL_CHECK           re-read every source at least this often (86400)
  spoolMaxBytes      STEWARD_AGENT_SPOOL_MAX_BYTES      offline spool bound (16 MiB)
  retryForSeconds    STEWARD_AGENT_RETRY_FOR            how long --once retries (600)
  extraSoftwareFile  STEWARD_AGENT_EXTRA_SOFTWARE_FILE  JSON list of software no package manager knows
  logFile            STEWARD_AGENT_LOG_FILE             log here instead of standard error
  logLevel           STEWARD_LOG_LEVEL                  info, debug, warn...
  (STEWARD_AGENT_CONFIG names the configuration file when --config is not given)`;

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
  // Loaded only past the quick answers above: the schemas and the collectors are most of the start-up cost.
  const { loadAgentConfig } = await import('./config.js');
  const config = loadAgentConfig(values.config ?? process.env.STEWARD_AGENT_CONFIG);
  if (values.print) {
    const [{ collectReport }, { readAgentState }] = await Promise.all([import('./report.js'), import('./state.js')]);
    const agentId = readAgentState(config.stateDir)?.agentId ?? '00000000-0000-4000-8000-000000000000';
    const json = `${JSON.stringify(await collectReport(agentId, config.extraSoftwareFile), null, 2)}\n`;
    // Exit only once the pipe has taken everything: a report is far larger than a pipe's buffer.
    await new Promise<void>((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
    return 0;
  }
  const [{ default: pino }, { runDaemon, runOnce }] = await Promise.all([import('pino'), import('./agent.js')]);
  // Logs go to stderr (a service manager's journal) unless a file is configured.
  const destination = config.logFile ? pino.destination({ dest: config.logFile, mkdir: true, append: true, sync: true }) : pino.destination(2);
  const log = pino({ level: config.logLevel, base: { service: 'steward-agent' } }, destination);
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
