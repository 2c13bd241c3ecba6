import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import type { SnmpCredential } from '@steward/shared';
import { SnmpClient } from '../session/snmp-client.js';
import type { SnmpTiming } from '../session/timing.js';
import { SnmpDeviceError, SnmpRequestError } from '../snmp-error.js';
import { SYSTEM_OIDS } from './read-system.js';

export interface Contact {
  client: SnmpClient;
  credential: SnmpCredential;
  /** The system group scalars the agent answered (those it lacks are absent). */
  answers: Map<string, Varbind>;
}

const FIRST_OIDS = Object.values(SYSTEM_OIDS);

/**
 * Asks every credential set at once for the system group and keeps the first set, in the caller's
 * order, that the device answered: a silent address costs one timeout-and-retries whatever the
 * number of sets. Fails with the reason the first set gave when none answered.
 */
export async function firstContact(host: string, port: number, credentials: SnmpCredential[], timing: SnmpTiming): Promise<Contact> {
  if (credentials.length === 0) throw new SnmpDeviceError(`${host}:${port}`, 'first-contact', 'auth', 'no credential set given');
  const clients = credentials.map((credential) => new SnmpClient(host, port, credential, timing));
  const attempts = clients.map((client) => askSystem(client));
  let failure: SnmpRequestError | undefined;
  let chosen: Contact | undefined;
  for (const [i, attempt] of attempts.entries()) {
    const outcome = await attempt;
    if (outcome instanceof SnmpRequestError) {
      failure ??= outcome;
      continue;
    }
    chosen = { client: clients[i]!, credential: credentials[i]!, answers: outcome };
    break;
  }
  for (const client of clients) if (client !== chosen?.client) client.close();
  if (chosen) return chosen;
  throw new SnmpDeviceError(clients[0]!.device, 'first-contact', failure!.code, failure!.message);
}

async function askSystem(client: SnmpClient): Promise<Map<string, Varbind> | SnmpRequestError> {
  try {
    const varbinds = await client.get(FIRST_OIDS);
    return new Map(varbinds.filter((vb) => !snmp.isVarbindError(vb)).map((vb) => [vb.oid, vb]));
  } catch (error) {
    if (error instanceof SnmpRequestError && error.status !== undefined && client.credential.version === '1') {
      // An SNMPv1 agent that lacks one system scalar refuses the whole GET, yet it did answer.
      return new Map();
    }
    if (error instanceof SnmpRequestError) return error;
    throw error;
  }
}
