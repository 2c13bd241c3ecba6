import type { AssetStatus, AssignmentTargetType } from '@steward/shared';
import type { Database, Queryable } from '../database.js';

/** What the lifecycle and check-out rules need to know about an asset, read under its row lock. */
export interface AssetState {
  id: string;
  tag: string;
  name: string;
  status: AssetStatus;
  categoryId: string;
  modelId: string | null;
  locationId: string | null;
  assignedType: AssignmentTargetType | null;
  assignedId: string | null;
}

export const STATE_COLUMNS = `id, tag, name, status, category_id as "categoryId", model_id as "modelId", location_id as "locationId",
  assigned_type as "assignedType", assigned_id as "assignedId"`;

/** Reads an asset and locks its row until the transaction ends, so concurrent changes queue. */
export async function lockAsset(db: Queryable, id: string): Promise<AssetState | undefined> {
  const { rows } = await db.query<AssetState>(`select ${STATE_COLUMNS} from register_assets where id = $1 for update`, [id]);
  return rows[0];
}

export async function findAssetsByTags(db: Queryable, tags: string[]): Promise<AssetState[]> {
  if (tags.length === 0) return [];
  const { rows } = await db.query<AssetState>(
    `select ${STATE_COLUMNS} from register_assets where lower(tag) = any($1::text[])`,
    [tags.map((t) => t.toLowerCase())],
  );
  return rows;
}

/** The tags among these that are already in the register (lower case). */
export async function findTakenTags(db: Queryable, tags: string[], exceptAssetId?: string): Promise<Set<string>> {
  if (tags.length === 0) return new Set();
  const { rows } = await db.query<{ tag: string }>(
    'select lower(tag) as tag from register_assets where lower(tag) = any($1::text[]) and id is distinct from $2::uuid',
    [tags.map((t) => t.toLowerCase()), exceptAssetId ?? null],
  );
  return new Set(rows.map((r) => r.tag));
}

export async function setAssetStatus(db: Queryable, id: string, status: AssetStatus): Promise<void> {
  await db.query('update register_assets set status = $2, updated_at = now() where id = $1', [id, status]);
}

export async function setAssetHolder(
  db: Queryable,
  id: string,
  holder: { type: AssignmentTargetType; id: string; expectedReturn: string | null } | null,
): Promise<void> {
  await db.query(
    'update register_assets set assigned_type = $2, assigned_id = $3, expected_return = $4::date, updated_at = now() where id = $1',
    [id, holder?.type ?? null, holder?.id ?? null, holder?.expectedReturn ?? null],
  );
}

export async function setAssetLocation(db: Queryable, id: string, locationId: string | null): Promise<void> {
  await db.query('update register_assets set location_id = $2, updated_at = now() where id = $1', [id, locationId]);
}

/** True when `candidate` is `assetId` itself or hangs (through check-outs to assets) beneath it. */
export async function isAssetWithin(db: Queryable, candidate: string, assetId: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    `with recursive up(id, depth) as (
       select $1::uuid, 0
       union
       select a.assigned_id, up.depth + 1 from register_assets a join up on a.id = up.id
        where a.assigned_type = 'asset' and up.depth < 64)
     select exists (select 1 from up where id = $2::uuid) as found`,
    [candidate, assetId],
  );
  return rows[0]?.found ?? false;
}

export async function touchAssetAudit(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update register_assets set last_audited_at = $2 where id = $1', [id, at]);
}

/**
 * Readies the asset table for queries after a bulk load. Statistics: the embedded database has no
 * autovacuum at all, and a server's comes by only after a while; until then, counts that a load
 * has made stale lead list queries to slow plans (a sort of the whole table for one page). Search:
 * the trigram index takes new rows into a pending list that every search reads through, which
 * only an overflow or a vacuum would otherwise move into the index proper.
 */
export async function settleAssetsAfterLoad(db: Database): Promise<void> {
  await db.exec('analyze register_assets');
  await db.query(`select gin_clean_pending_list(i) from to_regclass('register_assets_search') i where i is not null`);
}
