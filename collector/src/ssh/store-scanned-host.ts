import { randomUUID } from 'node:crypto';
import type { Database } from '../store/database.js';
import { activeAgentsOf } from '../store/identity/agent-identity.js';
import { deviceDigests, touchDevice } from '../store/reports.js';
import { deviceOfSshHost, recordSshSuccess } from '../store/ssh/hosts.js';
import { placeScannedHost } from '../identity/place-scanned-host.js';
import { applyInventory } from '../services/apply-inventory.js';
import type { HostInventory } from './host-inventory.js';

export interface StoredHost { deviceId: string; change: 'created' | 'updated' | 'unchanged' }

/**
 * Stores what a scan read from one host in one transaction, through the path an agent's report
 * takes: the device found by an earlier scan of this host and port, else by identity evidence
 * (an agent's device for the same machine included), then the inventory applied as a report is.
 * A device an agent reports for keeps the agent's inventory: the scan only marks it seen.
 */
export async function storeScannedHost(db: Database, host: string, port: number, credentialId: string, inventory: HostInventory): Promise<StoredHost> {
  return db.transaction(async (tx) => {
    let deviceId = await deviceOfSshHost(tx, host, port);
    let created = false;
    if (!deviceId) ({ deviceId, created } = await placeScannedHost(tx, inventory));
    let change: StoredHost['change'] = created ? 'created' : 'unchanged';
    if ((await activeAgentsOf(tx, deviceId)).length) {
      await touchDevice(tx, deviceId);
    } else {
      const collectedAt = new Date();
      const applied = await applyInventory(tx, deviceId, { ...inventory, reportId: randomUUID(), collectedAt: collectedAt.toISOString() }, await deviceDigests(tx, deviceId), collectedAt);
      if (!created && applied.changed) change = 'updated';
    }
    await recordSshSuccess(tx, host, port, deviceId, credentialId);
    return { deviceId, change };
  });
}
