import type { DevicePosition, Sighting } from '@steward/shared';
import type { Queryable } from '../database.js';

export async function insertSighting(
  db: Queryable, assetId: string, position: DevicePosition, source: Sighting['source'], by: string,
): Promise<void> {
  await db.query(
    `insert into register_sightings (asset_id, latitude, longitude, accuracy_m, observed_at, source, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [assetId, position.latitude, position.longitude, position.accuracy ?? null, position.at, source, by],
  );
}

/** Where an asset was seen, newest first. */
export async function listSightings(db: Queryable, assetId: string, limit: number): Promise<Sighting[]> {
  const { rows } = await db.query<Sighting>(
    `select id::int as id, asset_id as "assetId", latitude, longitude, accuracy_m as accuracy,
            to_char(observed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, source, recorded_by as "recordedBy"
       from register_sightings where asset_id = $1 order by observed_at desc, id desc limit $2`,
    [assetId, limit],
  );
  return rows;
}
