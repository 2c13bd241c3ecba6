import { randomUUID } from 'node:crypto';
import type { Asset, AssetCreateRequest, AssetPatch, CategoryRecord, CustomFieldValues } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { mergeAcquisition } from '../../store/register/acquisitions.js';
import { assetsTable } from '../../store/register/asset-tables.js';
import { findTakenTags, lockAsset } from '../../store/register/assets.js';
import { holdsAnything } from '../../store/register/assignments.js';
import { deleteRecord, getRecord, insertRecord, updateRecord } from '../../store/register/record-table.js';
import { linkDevice, unlinkAsset } from '../../store/reconcile/asset-links.js';
import { queueDevices } from '../../store/reconcile/queue.js';
import { categoriesTable } from '../../store/register/reference-tables.js';
import { insertTransitions } from '../../store/register/transitions.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { checkCustomFields } from './custom-fields.js';
import { readRecord } from './records.js';
import { recordChanges } from './record-changes.js';
import { allocateTags } from './tags.js';

export async function readAsset(db: Queryable, id: string): Promise<Asset> {
  return readRecord<Asset>(db, assetsTable, id);
}

/** The category's custom fields applied to the values given: 400 naming each field in error. */
async function checkedCustomFields(db: Queryable, categoryId: string, values: CustomFieldValues) {
  const category = await getRecord<CategoryRecord>(db, categoriesTable, categoryId);
  if (!category) throw new ApiProblem(400, 'unknown_reference', 'categoryId: refers to a record that does not exist', ['categoryId: refers to a record that does not exist']);
  const checked = checkCustomFields(category.customFields, values);
  if (checked.issues.length) {
    const issues = checked.issues.map((i) => `${i.field}: ${i.message}`);
    throw new ApiProblem(400, 'invalid_custom_fields', `invalid custom fields: ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return checked.values;
}

async function refuseTakenTag(db: Queryable, tag: string, exceptAssetId?: string): Promise<void> {
  if ((await findTakenTags(db, [tag], exceptAssetId)).size > 0) {
    throw new ApiProblem(409, 'duplicate', `tag: ${tag} is already used by another asset`, [`tag: ${tag} is already used by another asset`]);
  }
}

/**
 * Records the discovered device an asset is as a person's link (or removes its links for null),
 * and queues the devices concerned so their findings follow.
 */
async function setAssetDevice(tx: Queryable, actor: Actor, assetId: string, deviceId: string | null | undefined, before: string | null): Promise<void> {
  if (deviceId === undefined || deviceId === before) return;
  const unlinked = deviceId === null ? await unlinkAsset(tx, assetId) : [];
  if (deviceId) await linkDevice(tx, deviceId, assetId, 'register', actor.username);
  await queueDevices(tx, [...unlinked, ...(before ? [before] : []), ...(deviceId ? [deviceId] : [])]);
}

/** Registers an asset: tag numbered from the pattern unless given, custom fields checked, first status recorded. */
export async function createAsset(db: Database, actor: Actor, input: AssetCreateRequest): Promise<Asset> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const customFields = await checkedCustomFields(tx, input.categoryId, input.customFields);
    if (input.tag) await refuseTakenTag(tx, input.tag);
    const tag = input.tag ?? (await allocateTags(tx, 1))[0]!;
    const id = randomUUID();
    const { acquisition, ...values } = input;
    await insertRecord(tx, assetsTable, id, { ...values, tag, customFields });
    await setAssetDevice(tx, actor, id, input.deviceId, null);
    await insertTransitions(tx, [{ assetId: id, fromStatus: null, toStatus: input.status, by: actor.username, reason: 'registered' }]);
    if (acquisition || input.status === 'requested') {
      const requested = input.status === 'requested' ? { requestedBy: actor.username, requestedAt: new Date().toISOString() } : {};
      await mergeAcquisition(tx, id, { ...acquisition, ...requested });
    }
    const after = await readAsset(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'created', before: null, after }]);
    return after;
  }));
}

/** Edits an asset's details; its status moves only through transitions and check-out/in. */
export async function updateAsset(db: Database, actor: Actor, id: string, patch: AssetPatch): Promise<Asset> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    if (!(await lockAsset(tx, id))) throw new ApiProblem(404, 'not_found', `no asset with id ${id}`);
    const before = await readAsset(tx, id);
    if (patch.tag && patch.tag.toLowerCase() !== before.tag.toLowerCase()) await refuseTakenTag(tx, patch.tag, id);
    const values: Record<string, unknown> = { ...patch };
    if (patch.categoryId || patch.customFields) {
      values.customFields = await checkedCustomFields(tx, patch.categoryId ?? before.categoryId, patch.customFields ?? before.customFields);
    }
    await updateRecord(tx, assetsTable, id, values);
    await setAssetDevice(tx, actor, id, patch.deviceId, before.deviceId ?? null);
    const after = await readAsset(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'updated', before, after }]);
    return after;
  }));
}

/** Removes a mistaken entry. Real assets leave through the lifecycle (retired, disposed) instead. */
export async function deleteAsset(db: Database, actor: Actor, id: string): Promise<void> {
  await withConstraintAnswers(() => db.transaction(async (tx) => {
    const state = await lockAsset(tx, id);
    if (!state) throw new ApiProblem(404, 'not_found', `no asset with id ${id}`);
    if (!['requested', 'approved', 'in_stock'].includes(state.status) || state.assignedId) {
      throw new ApiProblem(409, 'not_deletable', `an asset that is ${state.status}${state.assignedId ? ' and checked out' : ''} stays on record; retire or dispose of it instead`);
    }
    const before = await readAsset(tx, id);
    if (await holdsAnything(tx, id)) throw new ApiProblem(409, 'in_use', 'other assets are checked out to this one; check them in first');
    await deleteRecord(tx, assetsTable, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'deleted', before, after: null }]);
  }));
}
