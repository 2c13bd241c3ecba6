import type { SnmpCredential, SnmpProbeResult, SnmpSweepOutcome } from '@steward/shared';
import { firstContact } from '../probe/first-contact.js';
import { probeDevice } from '../probe/probe-device.js';
import type { ProbeLimits } from '../probe/probe-limits.js';
import { readSystem } from '../probe/read-system.js';
import { DEFAULT_TIMING, type SnmpTiming } from '../session/timing.js';
import { SnmpDeviceError } from '../snmp-error.js';
import { CellReader } from '../values/cell-reader.js';
import { ProblemLog } from '../values/problem-log.js';
import { expandTargets, type TargetSpec } from './expand-targets.js';

export interface SweepOptions {
  credentials: SnmpCredential[];
  port?: number;
  /** Addresses contacted at once; a silent /24 then costs one timeout-and-retries. */
  concurrency?: number;
  timing?: SnmpTiming;
  /** host → id of the credential set that answered last time; it is tried first. */
  remembered?: ReadonlyMap<string, string>;
  /** Probe each device that answers, with these limits; only the first contact when absent. */
  probe?: Partial<ProbeLimits>;
  /** Called as each address is settled, so a large sweep need not hold every result. */
  onOutcome?: (outcome: SnmpSweepOutcome, result?: SnmpProbeResult) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Contacts every address of the spec with the credential sets, a bounded number at a time, and
 * probes those that answer when asked to. One device's failure is its own outcome; the sweep goes on.
 */
export async function sweep(targets: TargetSpec, options: SweepOptions): Promise<SnmpSweepOutcome[]> {
  const hosts = expandTargets(targets);
  const outcomes: SnmpSweepOutcome[] = new Array(hosts.length);
  let next = 0;
  const worker = async () => {
    while (next < hosts.length && !options.signal?.aborted) {
      const i = next++;
      const { outcome, result } = await sweepOne(hosts[i]!, options);
      outcomes[i] = outcome;
      await options.onOutcome?.(outcome, result);
    }
  };
  const width = Math.min(hosts.length, Math.max(1, options.concurrency ?? 256));
  await Promise.all(Array.from({ length: width }, worker));
  return outcomes.filter((o) => o !== undefined);
}

async function sweepOne(host: string, options: SweepOptions): Promise<{ outcome: SnmpSweepOutcome; result?: SnmpProbeResult }> {
  const started = Date.now();
  const port = options.port ?? 161;
  const credentials = rememberedFirst(options.credentials, options.remembered?.get(host));
  const base = { host, port };
  try {
    const contact = await firstContact(host, port, credentials, { ...DEFAULT_TIMING, ...options.timing });
    contact.client.close();
    const system = readSystem(contact.answers, new CellReader(contact.client.device, 'first-contact', new ProblemLog()));
    const outcome: SnmpSweepOutcome = {
      ...base,
      status: 'identified',
      credentialId: contact.credential.id,
      sysObjectID: system.sysObjectID,
      sysDescr: system.sysDescr,
      sysName: system.sysName,
      durationMs: Date.now() - started,
    };
    if (!options.probe) return { outcome };
    try {
      const result = await probeDevice({ host, port }, [contact.credential], { ...options.timing, ...options.probe });
      // The device answered, yet a walk may have failed: name the first such failure with the device.
      const failure = result.problems.find((p) => p.code !== 'oid-out-of-order' && p.code !== 'wrong-type' && p.code !== 'value-too-long');
      return { outcome: { ...outcome, error: failure, durationMs: Date.now() - started }, result };
    } catch (error) {
      return { outcome: { ...outcome, status: 'error', error: problemOf(error, host, port), durationMs: Date.now() - started } };
    }
  } catch (error) {
    const problem = problemOf(error, host, port);
    return { outcome: { ...base, status: problem.code === 'timeout' ? 'no-response' : 'error', error: problem, durationMs: Date.now() - started } };
  }
}

function rememberedFirst(credentials: SnmpCredential[], id: string | undefined): SnmpCredential[] {
  const remembered = credentials.find((c) => c.id === id);
  return remembered ? [remembered, ...credentials.filter((c) => c !== remembered)] : credentials;
}

function problemOf(error: unknown, host: string, port: number): SnmpSweepOutcome['error'] & object {
  if (error instanceof SnmpDeviceError) return error.toProblem();
  const message = error instanceof Error ? error.message : String(error);
  return { phase: 'probe', code: 'socket', message: `${host}:${port}: ${message}`.slice(0, 1024) };
}
