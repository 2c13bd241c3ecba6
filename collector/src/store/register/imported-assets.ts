import type { Queryable } from '../database.js';
import { assetsTable } from './asset-tables.js';
import { recordSetOf, type FieldSpec } from './record-table.js';

/**
 * Inserts imported assets with, for each, its first lifecycle transition and its history entry
 * (the asset as stored, without its empty fields), all in one statement: the rows travel once, as
 * one JSON parameter, and the transitions and history are made from the rows inserted.
 */
export async function insertImportedAssets(
  db: Queryable,
  rows: Array<{ id: string } & Record<string, unknown>>,
  holderColumns: Record<string, FieldSpec>,
  by: string,
  reason: string,
): Promise<void> {
  if (rows.length === 0) return;
  const set = recordSetOf(assetsTable, rows, holderColumns);
  const columns = set.fields.map(([, column]) => column).join(', ');
  const stored = set.fields.map(([field, column]) => `'${field}', ${column}`).join(', ');
  await db.query(
    `with added as (
       insert into register_assets (${columns}) select ${columns} from ${set.source('$1')}
       returning ${columns}
     ), transitions as (
       insert into register_transitions (asset_id, from_status, to_status, by_user, reason)
       select id, null, status, $2, $3 from added
     )
     insert into register_history (object_type, object_id, action, by_user, before, after)
     select 'asset', id::text, 'imported', $2, null, jsonb_strip_nulls(jsonb_build_object(${stored})) from added`,
    [set.json, by, reason],
  );
}
