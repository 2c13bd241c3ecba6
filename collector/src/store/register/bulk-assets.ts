import type { AssetStatus, AssignmentTargetType, CustomFieldValues } from '@steward/shared';
import type { Queryable } from '../database.js';
import { STATE_COLUMNS, type AssetState } from './assets.js';

/*
 * Set-based forms of the single-asset writes, for a change to many assets at once: each statement
 * takes the whole list of ids, so a bulk edit costs a few statements however many assets it names.
 */

/** Reads the assets and locks their rows, in id order so that two bulk changes cannot deadlock. */
export async function lockAssets(db: Queryable, ids: string[]): Promise<AssetState[]> {
  const { rows } = await db.query<AssetState>(
    `select ${STATE_COLUMNS} from register_assets where id = any($1::uuid[]) order by id for update`,
    [ids],
  );
  return rows;
}

export async function setAssetsStatus(db: Queryable, ids: string[], status: AssetStatus): Promise<void> {
  if (ids.length === 0) return;
  await db.query('update register_assets set status = $2, updated_at = now() where id = any($1::uuid[])', [ids, status]);
}

export async function setAssetsHolder(
  db: Queryable,
  ids: string[],
  holder: { type: AssignmentTargetType; id: string; expectedReturn: string | null } | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `update register_assets set assigned_type = $2, assigned_id = $3, expected_return = $4::date, updated_at = now()
      where id = any($1::uuid[])`,
    [ids, holder?.type ?? null, holder?.id ?? null, holder?.expectedReturn ?? null],
  );
}

export async function setAssetsLocation(db: Queryable, ids: string[], locationId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db.query('update register_assets set location_id = $2, updated_at = now() where id = any($1::uuid[])', [ids, locationId]);
}

/** Closes the open assignment of each asset named, appending the note to each. */
export async function closeOpenAssignments(db: Queryable, assetIds: string[], by: string, note: string | null): Promise<void> {
  if (assetIds.length === 0) return;
  await db.query(
    `update register_assignments set checked_in_at = now(), checked_in_by = $2,
            note = case when $3::text is null then note else coalesce(note || E'\\n', '') || $3::text end
      where asset_id = any($1::uuid[]) and checked_in_at is null`,
    [assetIds, by, note],
  );
}

/** Each asset's custom fields replaced by the values given, in one statement. */
export async function setAssetsCustomFields(db: Queryable, rows: Array<{ id: string; customFields: CustomFieldValues }>): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `update register_assets a set custom_fields = r.custom_fields, updated_at = now()
       from json_to_recordset($1::json) as r(id uuid, custom_fields jsonb) where a.id = r.id`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, custom_fields: r.customFields })))],
  );
}

/**
 * The asset `targetId` and every asset it hangs beneath through check-outs to assets: checking
 * any of these out to the target would make a loop.
 */
export async function assetsAbove(db: Queryable, targetId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `with recursive up(id, depth) as (
       select $1::uuid, 0
       union
       select a.assigned_id, up.depth + 1 from register_assets a join up on a.id = up.id
        where a.assigned_type = 'asset' and up.depth < 64)
     select id from up where id is not null`,
    [targetId],
  );
  return new Set(rows.map((r) => r.id));
}

/** What the acquisition path's entry rules need to know of each asset, by asset id. */
export interface AcquisitionFacts {
  justified: boolean;
  ordered: boolean;
  /** The receiving inspection: absent, passed or failed. */
  inspection: 'none' | 'passed' | 'failed';
  sanitised: boolean;
}

export async function acquisitionFacts(db: Queryable, ids: string[]): Promise<Map<string, AcquisitionFacts>> {
  const { rows } = await db.query<AcquisitionFacts & { id: string }>(
    `select i.id,
            coalesce(a.justification, '') <> '' as justified,
            coalesce(a.po_number, '') <> '' as ordered,
            case when a.inspection is null then 'none' when (a.inspection->>'passed')::boolean then 'passed' else 'failed' end as inspection,
            s.asset_id is not null as sanitised
       from unnest($1::uuid[]) as i(id)
       left join register_acquisitions a on a.asset_id = i.id
       left join register_sanitisations s on s.asset_id = i.id`,
    [ids],
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}
