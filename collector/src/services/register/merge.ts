import type { CustomFieldDefinition, MergePreview } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { deleteRecord, lockRecord, updateRecord, type RecordTable } from '../../store/register/record-table.js';
import { countReferences, moveReferences, referencesTo } from '../../store/register/references-to.js';
import { isInSubtree, type TreeTable } from '../../store/register/tree.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { recordChanges } from './record-changes.js';
import { readRecord } from './records.js';

interface Named { id: string; name: string; parentId?: string | null; customFields?: CustomFieldDefinition[] }

const TREES: ReadonlySet<string> = new Set<TreeTable>(['register_locations', 'register_categories', 'register_departments']);

/** The surviving category's fields: its own, then those only the other had, never required (its assets lack them). */
function mergedCustomFields(into: CustomFieldDefinition[], from: CustomFieldDefinition[]): { fields: CustomFieldDefinition[]; conflicts: string[] } {
  const fields = into.map((f) => ({ ...f }));
  const conflicts: string[] = [];
  for (const field of from) {
    const same = fields.find((f) => f.key === field.key);
    if (!same) fields.push({ ...field, required: false });
    else if (same.type !== field.type) conflicts.push(`custom field "${field.key}" is ${same.type} in one and ${field.type} in the other`);
    else if (same.type === 'enum') same.options = [...new Set([...(same.options ?? []), ...(field.options ?? [])])];
  }
  return { fields, conflicts };
}

/** Why `from` cannot be merged into `into`, or null when it can. */
async function refusalOf(db: Queryable, spec: RecordTable, from: Named, into: Named): Promise<{ status: number; field?: string; reason: string } | null> {
  if (from.id === into.id) return { status: 400, field: 'intoId', reason: 'a record cannot be merged into itself' };
  if (TREES.has(spec.table) && (await isInSubtree(db, spec.table as TreeTable, from.id, into.id))) {
    return { status: 400, field: 'intoId', reason: `${into.name} is within ${from.name}: a record cannot be merged into one beneath it` };
  }
  if (spec.table === 'register_categories') {
    const { conflicts } = mergedCustomFields(into.customFields ?? [], from.customFields ?? []);
    if (conflicts.length) return { status: 409, reason: `the categories' custom fields conflict: ${conflicts.join('; ')}` };
  }
  return null;
}

async function referencesOf(db: Queryable, spec: RecordTable, fromId: string) {
  const refs = await referencesTo(db, spec.table);
  const counts = await countReferences(db, refs, fromId);
  return refs.map((r, i) => ({ ref: r, rows: counts[i]! }));
}

/** What merging `fromId` into `intoId` would move, and why it cannot be done if it cannot. */
export async function previewMerge(db: Queryable, spec: RecordTable, fromId: string, intoId: string): Promise<MergePreview> {
  const from = await readRecord<Named>(db, spec, fromId);
  const into = await readRecord<Named>(db, spec, intoId);
  const refusal = await refusalOf(db, spec, from, into);
  const references = (await referencesOf(db, spec, fromId)).filter((r) => r.rows > 0)
    .map((r) => ({ table: r.ref.table, column: r.ref.column, rows: r.rows }));
  return {
    from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name },
    references, total: references.reduce((sum, r) => sum + r.rows, 0), refusal: refusal?.reason ?? null,
  };
}

/** A row moved to the surviving record collides with one already there (two rooms of one name). */
function collision(error: unknown, into: Named): unknown {
  if ((error as { code?: string })?.code !== '23505') return error;
  return new ApiProblem(409, 'merge_collision', `a record moved to ${into.name} has the same name as one already there; rename one of them first`);
}

/**
 * Merges a duplicate into the record that survives, in one transaction: every row that refers to
 * the duplicate refers to the survivor instead, the duplicate is deleted, and both names are kept
 * in the history and the audit log.
 */
export async function mergeRecord<T>(db: Database, spec: RecordTable, actor: Actor, fromId: string, intoId: string): Promise<{ kept: T; moved: number }> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    // Both rows locked in one order, so two merges of the same pair the other way round cannot deadlock.
    for (const id of [fromId, intoId].sort()) {
      if (!(await lockRecord(tx, spec, id))) throw new ApiProblem(404, 'not_found', `no ${spec.objectType} with id ${id}`);
    }
    const from = await readRecord<Named>(tx, spec, fromId);
    const into = await readRecord<Named>(tx, spec, intoId);
    const refusal = await refusalOf(tx, spec, from, into);
    if (refusal) {
      const issues = refusal.field ? [`${refusal.field}: ${refusal.reason}`] : undefined;
      throw new ApiProblem(refusal.status, 'merge_refused', refusal.field ? `${refusal.field}: ${refusal.reason}` : refusal.reason, issues);
    }
    const references = await referencesOf(tx, spec, fromId);
    const refs = references.filter((r) => r.rows > 0).map((r) => r.ref);
    const moved = await moveReferences(tx, refs, fromId, intoId).catch((error: unknown) => { throw collision(error, into); });
    if (spec.table === 'register_categories') {
      await updateRecord(tx, spec, intoId, { customFields: mergedCustomFields(into.customFields ?? [], from.customFields ?? []).fields });
    }
    await deleteRecord(tx, spec, fromId);
    const kept = await readRecord<T>(tx, spec, intoId);
    const total = moved.reduce((sum, n) => sum + n, 0);
    const movedRows = refs.map((r, i) => ({ table: r.table, column: r.column, rows: moved[i] }));
    await recordChanges(tx, actor, [
      { objectType: spec.objectType, objectId: intoId, action: 'merged', before: into, after: { ...kept, mergedFrom: { id: from.id, name: from.name }, movedRows } },
      { objectType: spec.objectType, objectId: fromId, action: 'merged_into', before: from, after: { mergedInto: { id: into.id, name: into.name }, moved: total } },
    ]);
    return { kept, moved: total };
  }));
}
