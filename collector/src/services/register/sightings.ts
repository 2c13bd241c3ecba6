import type { DevicePosition, Sighting } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import { insertHistory } from '../../store/register/history.js';
import { insertSighting } from '../../store/register/sightings.js';
import type { Actor } from './actor.js';

/**
 * Keeps where the phone was when it scanned or checked out an asset, and puts it in the asset's
 * history, in the scan's or check-out's transaction.
 */
export async function recordSighting(tx: Queryable, actor: Actor, assetId: string, position: DevicePosition, source: Sighting['source']): Promise<void> {
  await insertSighting(tx, assetId, position, source, actor.username);
  await insertHistory(tx, [{
    objectType: 'asset', objectId: assetId, action: 'seen', by: actor.username, before: null,
    after: { latitude: position.latitude, longitude: position.longitude, accuracy: position.accuracy ?? null, at: position.at, source },
  }]);
}
