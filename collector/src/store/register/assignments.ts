import type { AssignmentTargetType } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface NewAssignment {
  id: string;
  assetId: string;
  targetType: AssignmentTargetType;
  targetId: string;
  checkedOutAt: Date;
  checkedOutBy: string;
  expectedReturn: string | null;
  note: string | null;
}

export async function insertAssignments(db: Queryable, assignments: NewAssignment[]): Promise<void> {
  if (assignments.length === 0) return;
  await db.query(
    `insert into register_assignments (id, asset_id, target_type, target_id, checked_out_at, checked_out_by, expected_return, note)
     select id, asset_id, target_type, target_id, checked_out_at, checked_out_by, expected_return, note
       from json_to_recordset($1::json) as r(id uuid, asset_id uuid, target_type text, target_id uuid,
            checked_out_at timestamptz, checked_out_by text, expected_return date, note text)`,
    [JSON.stringify(assignments.map((a) => ({
      id: a.id, asset_id: a.assetId, target_type: a.targetType, target_id: a.targetId, checked_out_at: a.checkedOutAt,
      checked_out_by: a.checkedOutBy, expected_return: a.expectedReturn, note: a.note,
    })))],
  );
}

/** Closes an asset's open assignment; returns its id, or undefined when the asset was not checked out. */
export async function closeOpenAssignment(db: Queryable, assetId: string, by: string, note: string | null): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `update register_assignments set checked_in_at = now(), checked_in_by = $2,
            note = case when $3::text is null then note else coalesce(note || E'\\n', '') || $3::text end
      where asset_id = $1 and checked_in_at is null returning id`,
    [assetId, by, note],
  );
  return rows[0]?.id;
}

/** Whether a check-out target exists (and, for people, is still active). */
export async function targetExists(db: Queryable, type: AssignmentTargetType, id: string): Promise<boolean> {
  const sql = {
    person: 'select 1 from register_people where id = $1 and active',
    department: 'select 1 from register_departments where id = $1',
    location: 'select 1 from register_locations where id = $1',
    asset: 'select 1 from register_assets where id = $1',
  }[type];
  return (await db.query(sql, [id])).rows.length > 0;
}

/** Whether anything is checked out to this person, department, location or asset right now. */
export async function holdsAnything(db: Queryable, targetId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from register_assignments where target_id = $1 and checked_in_at is null limit 1', [targetId]);
  return rows.length > 0;
}
