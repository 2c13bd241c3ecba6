import { pollingSettings, type PollingSettings } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { readPollingSettings, writePollingSettings } from '../../store/network/polling-settings.js';
import { recordAudit } from '../audit.js';
import type { NetworkActor } from './actor.js';

/** The settings in force: stored values over defaults; a stored value no longer valid falls back to its default. */
export async function currentPollingSettings(db: Queryable): Promise<PollingSettings> {
  const stored = await readPollingSettings(db);
  const parsed = pollingSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : pollingSettings.parse({});
}

export async function changePollingSettings(db: Database, actor: NetworkActor, change: Partial<PollingSettings>): Promise<PollingSettings> {
  return db.transaction(async (tx) => {
    const before = await currentPollingSettings(tx);
    const after = pollingSettings.parse({ ...before, ...change });
    await writePollingSettings(tx, after);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'snmp-polling.update', objectType: 'settings', objectId: 'network.polling', before, after });
    return after;
  });
}
