import type { AssetStatus } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface TransitionRecord {
  assetId: string;
  fromStatus: AssetStatus | null;
  toStatus: AssetStatus;
  by: string;
  reason: string;
}

export async function insertTransitions(db: Queryable, records: TransitionRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.query(
    `insert into register_transitions (asset_id, from_status, to_status, by_user, reason)
     select asset_id, from_status, to_status, by_user, reason
       from json_to_recordset($1::json) as r(asset_id uuid, from_status text, to_status text, by_user text, reason text)`,
    [JSON.stringify(records.map((r) => ({ asset_id: r.assetId, from_status: r.fromStatus, to_status: r.toStatus, by_user: r.by, reason: r.reason })))],
  );
}

export async function listTransitions(db: Queryable, assetId: string) {
  const { rows } = await db.query<TransitionRecord & { id: number; at: string }>(
    `select id::int as id, asset_id as "assetId", from_status as "fromStatus", to_status as "toStatus",
            to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, by_user as "by", reason
       from register_transitions where asset_id = $1 order by id`,
    [assetId],
  );
  return rows;
}
