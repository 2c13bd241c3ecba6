import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import { SnmpRequestError } from '../snmp-error.js';
import type { SnmpAgent } from './snmp-agent.js';

const CHUNK = 16;
const NO_SUCH_NAME = 2;

/**
 * GETs scalars, answering a map of OID → varbind for those the agent has. SNMPv1 agents refuse a
 * whole request for one unknown OID, so a refused chunk is asked again one OID at a time.
 */
export async function getScalars(client: SnmpAgent, oids: string[]): Promise<Map<string, Varbind>> {
  const found = new Map<string, Varbind>();
  for (let i = 0; i < oids.length; i += CHUNK) {
    const chunk = oids.slice(i, i + CHUNK);
    for (const vb of await getChunk(client, chunk)) {
      if (!snmp.isVarbindError(vb) && vb.value !== null) found.set(vb.oid, vb);
    }
  }
  return found;
}

async function getChunk(client: SnmpAgent, oids: string[]): Promise<Varbind[]> {
  try {
    return await client.get(oids);
  } catch (error) {
    if (!(error instanceof SnmpRequestError) || error.status !== NO_SUCH_NAME) throw error;
    if (oids.length === 1) return [];
    const one = await Promise.all(oids.map((oid) => getChunk(client, [oid])));
    return one.flat();
  }
}
