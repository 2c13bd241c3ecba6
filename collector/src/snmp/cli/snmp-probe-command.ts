import { parseArgs } from 'node:util';
import { snmpCredential, type SnmpCredential, type SnmpProbeResult } from '@steward/shared';
import { probeDevice } from '../probe/probe-device.js';

export const SNMP_PROBE_USAGE = `steward snmp probe <host[:port]> [options]
  --community <c>        SNMPv1/v2c community (default public)
  --snmp-version <v>     1, 2c (default) or 3
  --user <name>          SNMPv3 user; with --auth-protocol md5|sha|sha224|sha256|sha384|sha512, --auth-key,
                         --priv-protocol des|aes|aes256b|aes256r, --priv-key, --context
  --timeout <ms>         per request (default 2000); --retries <n> (default 1)
  --full                 print the whole probe result instead of the summary`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the probe command's arguments ask for. */
export interface SnmpProbeArgs {
  target: { host: string; port: number };
  credential: SnmpCredential;
  timeoutMs?: number;
  retries?: number;
  full: boolean;
}

/** Reads the probe command's arguments (what follows "snmp probe"); throws UsageError for bad ones. */
export function parseSnmpProbeArgs(argv: string[]): SnmpProbeArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      community: { type: 'string' },
      'snmp-version': { type: 'string' },
      user: { type: 'string' },
      'auth-protocol': { type: 'string' },
      'auth-key': { type: 'string' },
      'priv-protocol': { type: 'string' },
      'priv-key': { type: 'string' },
      context: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      full: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(SNMP_PROBE_USAGE);
  return {
    target: parseHostPort(positionals[0]!),
    credential: credentialFrom(values),
    timeoutMs: numberOption(values.timeout, 'timeout'),
    retries: numberOption(values.retries, 'retries'),
    full: values.full === true,
  };
}

/**
 * `steward snmp probe`: probes one device and returns what to print as JSON. argv is what follows
 * "snmp probe" on the command line. Throws UsageError for bad arguments, SnmpDeviceError when the
 * device cannot be reached.
 */
export async function runSnmpProbeCommand(argv: string[]): Promise<object> {
  const args = parseSnmpProbeArgs(argv);
  const result = await probeDevice(args.target, [args.credential], { timeoutMs: args.timeoutMs, retries: args.retries });
  return args.full ? result : summarise(result);
}

export function summarise(result: SnmpProbeResult): object {
  const { identity, system } = result;
  return {
    target: `${result.target.host}:${result.target.port}`,
    vendor: identity.vendor ?? null,
    model: identity.model ?? null,
    serial: identity.serial ?? null,
    os: identity.os ?? null,
    version: identity.osVersion ?? null,
    sysName: system.sysName ?? null,
    sysObjectID: system.sysObjectID ?? null,
    interfaces: result.interfaces.length,
    software: result.software.length,
    neighbours: result.neighbours.length,
    forwardingEntries: result.forwarding.length,
    entities: result.entities.length,
    problems: result.problems.map((p) => p.message),
    durationMs: result.durationMs,
  };
}

/** host, host:port, [v6]:port or a bare IPv6 address. */
export function parseHostPort(text: string): { host: string; port: number } {
  const bracketed = text.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (bracketed) return { host: bracketed[1]!, port: portOf(bracketed[2]) };
  const parts = text.split(':');
  if (parts.length === 2) return { host: parts[0]!, port: portOf(parts[1]) };
  return { host: text, port: 161 };
}

function portOf(text: string | undefined): number {
  if (text === undefined) return 161;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`"${text}" is not a UDP port`);
  return port;
}

function numberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number`);
  return n;
}

function credentialFrom(values: Record<string, string | boolean | undefined>): SnmpCredential {
  const version = (values['snmp-version'] as string | undefined) ?? (values.user ? '3' : '2c');
  const raw = version === '3'
    ? {
      id: 'command-line', version, user: values.user,
      level: values['priv-key'] ? 'authPriv' : values['auth-key'] ? 'authNoPriv' : 'noAuthNoPriv',
      authProtocol: values['auth-key'] ? (values['auth-protocol'] ?? 'sha') : undefined,
      authKey: values['auth-key'], privProtocol: values['priv-key'] ? (values['priv-protocol'] ?? 'aes') : undefined,
      privKey: values['priv-key'], context: values.context,
    }
    : { id: 'command-line', version, community: values.community ?? 'public' };
  const parsed = snmpCredential.safeParse(raw);
  if (!parsed.success) throw new UsageError(`bad SNMP credentials: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
