import { outboundSettings, type OutboundSettings } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import { readSettingOf, writeSetting } from '../../store/settings.js';
import type { OutboundPolicy } from './address-policy.js';

const OUTBOUND_KEY = 'outbound';

export function readOutboundSettings(db: Queryable): Promise<OutboundSettings> {
  return readSettingOf(db, OUTBOUND_KEY, outboundSettings);
}

export function writeOutboundSettings(db: Queryable, value: OutboundSettings): Promise<void> {
  return writeSetting(db, OUTBOUND_KEY, value);
}

/**
 * The policy with the administrator's outbound setting as it is now: read at each request, so a
 * change applies at once on every collector sharing the database.
 */
export async function currentPolicy(db: Queryable, policy: OutboundPolicy): Promise<OutboundPolicy> {
  return { ...policy, publicOnly: (await readOutboundSettings(db)).publicOnly };
}
