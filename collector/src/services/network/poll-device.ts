import { performance } from 'node:perf_hooks';
import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import type { PollingSettings, SnmpCredential, SnmpPollSample } from '@steward/shared';
import { interfaceDeltas, probeLimits, readInterfaceCounters } from '../../snmp/index.js';
import { SnmpClient } from '../../snmp/session/snmp-client.js';
import type { CounterRow } from '../../store/network/samples.js';

const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';

/** What one poll of one device found. */
export interface PollOutcome {
  startedAt: Date;
  up: boolean;
  rttMs: number | null;
  /** The credential set that answered. */
  credentialId: string | null;
  sample: SnmpPollSample | null;
  counters: CounterRow[];
  error: string | null;
}

/**
 * Polls one device: a GET of sysUpTime tells whether it answers and how fast, then its interface
 * counters are read on the same session and turned into rates against the previous sample.
 * Credential sets are tried in the order given until one answers. Never throws for the device's
 * own failures.
 */
export async function pollDevice(
  target: { host: string; port: number },
  credentials: SnmpCredential[],
  previous: SnmpPollSample | null,
  speeds: ReadonlyMap<number, number>,
  settings: PollingSettings,
): Promise<PollOutcome> {
  const startedAt = new Date();
  const timing = { timeoutMs: settings.timeoutMs, retries: settings.retries };
  // A poll must end well within the lease, or another collector could take the device over mid-poll.
  const deviceTimeMs = Math.max(1000, Math.min(60_000, settings.leaseSeconds * 1000 - 2 * settings.timeoutMs * (settings.retries + 1)));
  let lastError = credentials.length === 0 ? 'no SNMP credential set to poll with' : 'no answer';
  for (const credential of credentials) {
    const client = new SnmpClient(target.host, target.port, credential, timing);
    try {
      const reach = await reachable(client);
      if (!reach.ok) {
        lastError = reach.error;
        continue;
      }
      try {
        const sample = await readInterfaceCounters(client, target, { takenAt: startedAt, sysUpTime: reach.sysUpTime }, probeLimits({ ...timing, deviceTimeMs }));
        return { startedAt, up: true, rttMs: reach.rttMs, credentialId: credential.id, sample, counters: countersOf(previous, sample, speeds), error: null };
      } catch (error) {
        return { startedAt, up: true, rttMs: reach.rttMs, credentialId: credential.id, sample: null, counters: [], error: (error as Error).message.slice(0, 1024) };
      }
    } finally {
      client.close();
    }
  }
  return { startedAt, up: false, rttMs: null, credentialId: null, sample: null, counters: [], error: lastError };
}

async function reachable(client: SnmpClient): Promise<{ ok: true; rttMs: number; sysUpTime: Varbind | undefined } | { ok: false; error: string }> {
  const started = performance.now();
  try {
    const [answer] = await client.get([SYS_UP_TIME]);
    const sysUpTime = answer && !snmp.isVarbindError(answer) ? answer : undefined;
    return { ok: true, rttMs: Math.round((performance.now() - started) * 100) / 100, sysUpTime };
  } catch (error) {
    return { ok: false, error: `${client.device}: ${(error as Error).message}`.slice(0, 1024) };
  }
}

/** Each interface's counters with its bit rates since the previous sample, where the two compare. */
function countersOf(previous: SnmpPollSample | null, sample: SnmpPollSample, speeds: ReadonlyMap<number, number>): CounterRow[] {
  const deltas = previous ? new Map(interfaceDeltas(previous, sample, speeds).map((d) => [d.ifIndex, d])) : new Map();
  return sample.interfaces.map((i) => {
    const d = deltas.get(i.ifIndex);
    const rate = (octets: bigint | undefined) => (d && octets !== undefined && d.seconds > 0 ? (Number(octets) * 8) / d.seconds : null);
    return { ...i, inBps: rate(d?.deltas.inOctets), outBps: rate(d?.deltas.outOctets) };
  });
}
