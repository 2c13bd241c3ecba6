import { snmpProbeResult, describeIssues, type SnmpCredential, type SnmpProbeResult, type SnmpTarget } from '@steward/shared';
import { SnmpDeviceError } from '../snmp-error.js';
import { firstContact } from './first-contact.js';
import { probeLimits, type ProbeLimits } from './probe-limits.js';
import { readDevice } from './read-device.js';

/**
 * Reads everything Steward learns from one SNMP device: identity, interfaces, addresses, software,
 * hardware entities, neighbours, forwarding table, printer counters. Credential sets are tried in
 * the order given. Throws SnmpDeviceError when the device cannot be reached at all; any later
 * failure (a walk that loops, times out or exceeds its bounds) is listed in `problems` and the
 * rest of the result is kept.
 */
export async function probeDevice(
  target: SnmpTarget,
  credentials: SnmpCredential[],
  overrides: Partial<ProbeLimits> = {},
): Promise<SnmpProbeResult> {
  const limits = probeLimits(overrides);
  const started = Date.now();
  const contact = await firstContact(target.host, target.port, credentials, limits);
  const { client } = contact;
  try {
    const { evidence: _evidence, ...reading } = await readDevice(client, contact.answers, limits, started);
    return validated({
      target,
      credentialId: contact.credential.id,
      version: contact.credential.version,
      probedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      ...reading,
    }, client.device);
  } finally {
    client.close();
  }
}

function validated(result: SnmpProbeResult, device: string): SnmpProbeResult {
  const parsed = snmpProbeResult.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new SnmpDeviceError(device, 'validate', 'invalid-response', describeIssues(parsed.error, 5).join('; '));
}
