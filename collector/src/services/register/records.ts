import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../store/database.js';
import {
  deleteRecord, getRecord, insertRecord, lockRecord, updateRecord, type RecordTable,
} from '../../store/register/record-table.js';
import { holdsAnything } from '../../store/register/assignments.js';
import { isInSubtree, type TreeTable } from '../../store/register/tree.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { recordChanges } from './record-changes.js';

/** Extra work a record type does inside the same transaction (links, checks). */
export type RecordHook = (tx: Queryable, id: string) => Promise<void>;

const TREES: Partial<Record<string, TreeTable>> = {
  register_locations: 'register_locations',
  register_categories: 'register_categories',
  register_departments: 'register_departments',
};

function notFound(spec: RecordTable, id: string): ApiProblem {
  return new ApiProblem(404, 'not_found', `no ${spec.objectType.replace('_', ' ')} with id ${id}`);
}

export async function readRecord<T>(db: Queryable, spec: RecordTable, id: string): Promise<T> {
  const record = await getRecord<T>(db, spec, id);
  if (!record) throw notFound(spec, id);
  return record;
}

async function refuseLoop(tx: Queryable, spec: RecordTable, id: string, parentId: unknown): Promise<void> {
  const tree = TREES[spec.table];
  if (!tree || typeof parentId !== 'string') return;
  if (await isInSubtree(tx, tree, id, parentId)) {
    throw new ApiProblem(400, 'invalid_parent', 'parentId: would put the record beneath itself', ['parentId: would put the record beneath itself']);
  }
}

/** Creates a register record and its history entry in one transaction. */
export async function createRecord<T>(db: Database, spec: RecordTable, actor: Actor, values: Record<string, unknown>, hook?: RecordHook): Promise<T> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const id = randomUUID();
    await insertRecord(tx, spec, id, values);
    await hook?.(tx, id);
    const after = await readRecord<T>(tx, spec, id);
    await recordChanges(tx, actor, [{ objectType: spec.objectType, objectId: id, action: 'created', before: null, after }]);
    return after;
  }));
}

/** Changes the given fields of a record, keeping its before and after in the history. */
export async function changeRecord<T>(db: Database, spec: RecordTable, actor: Actor, id: string, values: Record<string, unknown>, hook?: RecordHook): Promise<T> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    if (!(await lockRecord(tx, spec, id))) throw notFound(spec, id);
    await refuseLoop(tx, spec, id, values.parentId);
    const before = await readRecord<T>(tx, spec, id);
    await updateRecord(tx, spec, id, values);
    await hook?.(tx, id);
    const after = await readRecord<T>(tx, spec, id);
    await recordChanges(tx, actor, [{ objectType: spec.objectType, objectId: id, action: 'updated', before, after }]);
    return after;
  }));
}

/** Deletes a record no other register record uses (409 otherwise). */
export async function removeRecord(db: Database, spec: RecordTable, actor: Actor, id: string): Promise<void> {
  await withConstraintAnswers(() => db.transaction(async (tx) => {
    if (!(await lockRecord(tx, spec, id))) throw notFound(spec, id);
    if (await holdsAnything(tx, id)) throw new ApiProblem(409, 'in_use', 'assets are checked out to this record; check them in first');
    const before = await readRecord(tx, spec, id);
    await deleteRecord(tx, spec, id);
    await recordChanges(tx, actor, [{ objectType: spec.objectType, objectId: id, action: 'deleted', before, after: null }]);
  }));
}
