import snmp from 'net-snmp';
import type { SnmpAgent } from '../session/snmp-agent.js';
import { SnmpRequestError } from '../snmp-error.js';

const ENTERPRISES = '1.3.6.1.4.1';

/**
 * Which private enterprise subtrees the agent answers under, hopping from one to the next with
 * GETNEXT: a device whose sysObjectID is missing or malformed still shows its maker this way.
 */
export async function findEnterpriseSubtrees(client: SnmpAgent, maxHops = 8): Promise<number[]> {
  const found: number[] = [];
  let next = ENTERPRISES;
  for (let hop = 0; hop < maxHops; hop++) {
    let oid: string;
    try {
      const [vb] = await client.getNext([next]);
      if (!vb || snmp.isVarbindError(vb)) break;
      oid = vb.oid;
    } catch (error) {
      if (error instanceof SnmpRequestError && error.code === 'request-failed') break;
      throw error;
    }
    if (!oid.startsWith(`${ENTERPRISES}.`)) break;
    const enterprise = Number(oid.slice(ENTERPRISES.length + 1).split('.')[0]);
    if (!Number.isInteger(enterprise) || found.includes(enterprise)) break;
    found.push(enterprise);
    next = `${ENTERPRISES}.${enterprise + 1}`;
  }
  return found;
}
