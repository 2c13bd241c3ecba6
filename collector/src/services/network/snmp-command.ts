import type { DiscoveryAnswer, SnmpCredentialSetInput, SnmpProbeResult } from '@steward/shared';
import { parseSnmpProbeArgs, runSnmpIdentifyCommand, SNMP_IDENTIFY_USAGE, probeDevice, runSnmpProbeCommand, SNMP_PROBE_USAGE, summarise, UsageError } from '../../snmp/index.js';

export const SNMP_USAGE = `${SNMP_PROBE_USAGE}
${SNMP_IDENTIFY_USAGE}
  --save                 register the discovery with the collector (with the credential used, stored sealed)
  --server <url>         the collector (default http://127.0.0.1:8080, or STEWARD_SERVER)
  --token <token>        an API session token (or STEWARD_TOKEN); or else
  --login <user> --password <password>   log in (or STEWARD_USER and STEWARD_PASSWORD)`;

/** Options of --save; --user is SNMPv3's, so logging in to the collector uses --login. */
const SAVE_VALUE_OPTIONS = new Set(['server', 'token', 'login', 'password']);

interface SaveOptions {
  save: boolean;
  server?: string;
  token?: string;
  login?: string;
  password?: string;
}

/** Takes the --save options out of the arguments; the rest are the probe's. */
export function splitSaveOptions(argv: string[]): { save: SaveOptions; rest: string[] } {
  const save: SaveOptions = { save: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0]!, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : ['', undefined];
    if (flag === 'save') save.save = true;
    else if (SAVE_VALUE_OPTIONS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${flag} needs a value\n${SNMP_USAGE}`);
      save[flag as 'server' | 'token' | 'login' | 'password'] = value;
    } else rest.push(arg);
  }
  return { save, rest };
}

/**
 * `steward snmp probe ...`: probes one device and returns the JSON to print; with --save, also
 * posts the whole probe (and the credential it used) to the collector and adds its answer.
 */
export async function runSnmpCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<object> {
  if (argv[0] !== 'probe') throw new UsageError(SNMP_USAGE);
  const { save, rest } = splitSaveOptions(argv.slice(1));
  if (!save.save) return runSnmpProbeCommand(rest);
  const args = parseSnmpProbeArgs(rest);
  const session = await sessionFor(save, env);
  const result = await probeDevice(args.target, [args.credential], { timeoutMs: args.timeoutMs, retries: args.retries });
  const printed = args.full ? result : summarise(result);
  const { id: _commandLine, ...credential } = args.credential;
  const saved = await postDiscovery(session, result, { ...credential, name: `probe ${args.target.host}:${args.target.port}` });
  return { ...printed, saved };
}

interface CollectorSession {
  server: string;
  token: string;
}

async function sessionFor(save: SaveOptions, env: NodeJS.ProcessEnv): Promise<CollectorSession> {
  const server = (save.server ?? env.STEWARD_SERVER ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const token = save.token ?? env.STEWARD_TOKEN;
  if (token) return { server, token };
  const login = save.login ?? env.STEWARD_USER;
  const password = save.password ?? env.STEWARD_PASSWORD;
  if (!login || !password) throw new UsageError(`--save needs --token (or STEWARD_TOKEN), or --login and --password\n${SNMP_USAGE}`);
  const response = await fetch(`${server}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: login, password }),
  });
  if (!response.ok) throw new Error(`login to ${server} failed: ${await problemText(response)}`);
  return { server, token: ((await response.json()) as { token: string }).token };
}

async function postDiscovery(session: CollectorSession, result: SnmpProbeResult, credential: SnmpCredentialSetInput): Promise<DiscoveryAnswer> {
  const response = await fetch(`${session.server}/api/v1/network/discoveries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ result, credential }),
  });
  if (!response.ok) throw new Error(`the collector did not register the discovery: ${await problemText(response)}`);
  return (await response.json()) as DiscoveryAnswer;
}

async function problemText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: string };
    return `${response.status} ${body.message ?? text}`;
  } catch {
    return `${response.status} ${text.slice(0, 200)}`;
  }
}

/** The `snmp` subcommand as the command line runs it: JSON on stdout, usage errors exit 2. */
export async function snmpCli(argv: string[]): Promise<void> {
  try {
    if (argv[0] === 'identify') process.stdout.write(`${await runSnmpIdentifyCommand(argv.slice(1))}\n`);
    else process.stdout.write(`${JSON.stringify(await runSnmpCommand(argv), null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
}
