import { randomUUID } from 'node:crypto';
import {
  ASSET_TRANSITIONS, transitionAllowed, type Asset, type BulkAssetAction, type BulkAssetAnswer, type BulkAssetFields, type CategoryRecord,
} from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { mergeAcquisitions } from '../../store/register/acquisitions.js';
import { assetsTable } from '../../store/register/asset-tables.js';
import type { AssetState } from '../../store/register/assets.js';
import { insertAssignments, targetExists } from '../../store/register/assignments.js';
import {
  acquisitionFacts, assetsAbove, closeOpenAssignments, lockAssets, setAssetsCustomFields, setAssetsHolder, setAssetsLocation, setAssetsStatus,
} from '../../store/register/bulk-assets.js';
import { getRecords, updateManyRecords } from '../../store/register/record-table.js';
import { categoriesTable } from '../../store/register/reference-tables.js';
import { insertTransitions, type TransitionRecord } from '../../store/register/transitions.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { AVAILABLE as AVAILABLE_FOR_CHECKOUT } from './checkout.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { checkCustomFields } from './custom-fields.js';
import { entryRefusal, entryStamps } from './entry-rules.js';
import { recordChanges } from './record-changes.js';

type Action<T extends BulkAssetAction['type']> = Extract<BulkAssetAction, { type: T }>;

/** An asset the change may not be made to, and why. */
interface Refusal {
  asset: AssetState;
  reason: string;
}

/** The assets of one bulk change, locked, with what the change will do to each once every one is accepted. */
interface Plan {
  refusals: Refusal[];
  apply: () => Promise<void>;
}

/** The history action of each asset's entry: the same words the single-asset change writes. */
function historyAction(action: BulkAssetAction): string {
  switch (action.type) {
    case 'status': return `status:${action.to}`;
    case 'set': return 'updated';
    case 'checkout': return 'checked_out';
    case 'checkin': return 'checked_in';
  }
}

/** Lifecycle moves, checked as the single-asset transition checks them. */
async function planStatus(tx: Queryable, actor: Actor, assets: AssetState[], action: Action<'status'>): Promise<Plan> {
  const facts = await acquisitionFacts(tx, assets.map((a) => a.id));
  const refusals: Refusal[] = [];
  for (const asset of assets) {
    if (asset.status === action.to) continue;
    if (!transitionAllowed(asset.status, action.to)) {
      const allowed = ASSET_TRANSITIONS[asset.status];
      refusals.push({ asset, reason: `cannot go from ${asset.status} to ${action.to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}` });
    } else if (asset.assignedId && action.to === 'in_stock') {
      refusals.push({ asset, reason: 'checked out; check it in instead' });
    } else {
      const refusal = entryRefusal(action.to, facts.get(asset.id));
      if (refusal) refusals.push({ asset, reason: refusal.message });
    }
  }
  const moving = assets.filter((a) => a.status !== action.to);
  return {
    refusals,
    apply: async () => {
      const ids = moving.map((a) => a.id);
      const stamps = entryStamps(action.to, actor.username);
      if (Object.keys(stamps).length) await mergeAcquisitions(tx, ids, stamps);
      // Leaving deployed ends the current holding, as a single move does.
      const held = moving.filter((a) => a.assignedId).map((a) => a.id);
      await closeOpenAssignments(tx, held, actor.username, `closed by the move to ${action.to}: ${action.reason}`);
      await setAssetsHolder(tx, held, null);
      await setAssetsStatus(tx, ids, action.to);
      await insertTransitions(tx, moving.map((a) => ({ assetId: a.id, fromStatus: a.status, toStatus: action.to, by: actor.username, reason: action.reason })));
    },
  };
}

/** Field edits: references checked by the database, custom fields against each asset's (new) category. */
async function planFields(tx: Queryable, assets: AssetState[], before: Map<string, Asset>, values: BulkAssetFields): Promise<Plan> {
  const { customFields, ...plain } = values;
  const refusals: Refusal[] = [];
  const customRows: Array<{ id: string; customFields: Asset['customFields'] }> = [];
  if (customFields || plain.categoryId) {
    const categoryIds = [...new Set(assets.map((a) => plain.categoryId ?? a.categoryId))];
    const categories = new Map((await getRecords<CategoryRecord>(tx, categoriesTable, categoryIds)).map((c) => [c.id, c]));
    if (plain.categoryId && !categories.has(plain.categoryId)) {
      throw new ApiProblem(400, 'unknown_reference', 'action.values.categoryId: refers to a record that does not exist', ['action.values.categoryId: refers to a record that does not exist']);
    }
    for (const asset of assets) {
      const category = categories.get(plain.categoryId ?? asset.categoryId)!;
      const checked = checkCustomFields(category.customFields, { ...before.get(asset.id)!.customFields, ...customFields });
      if (checked.issues.length) refusals.push({ asset, reason: checked.issues.map((i) => `${i.field}: ${i.message}`).join('; ') });
      else customRows.push({ id: asset.id, customFields: checked.values });
    }
  }
  return {
    refusals,
    apply: async () => {
      await updateManyRecords(tx, assetsTable, assets.map((a) => a.id), plain);
      await setAssetsCustomFields(tx, customRows);
    },
  };
}

/** Hand-outs to one holder, refused per asset as the single check-out refuses them. */
async function planCheckout(tx: Queryable, actor: Actor, assets: AssetState[], before: Map<string, Asset>, action: Action<'checkout'>): Promise<Plan> {
  const { type, id: targetId } = action.target;
  if (!(await targetExists(tx, type, targetId))) {
    throw new ApiProblem(400, 'unknown_target', `action.target.id: no ${type === 'person' ? 'active person' : type} with id ${targetId}`, ['action.target.id: no such target']);
  }
  const above = type === 'asset' ? await assetsAbove(tx, targetId) : new Set<string>();
  const refusals: Refusal[] = [];
  for (const asset of assets) {
    if (asset.assignedId) refusals.push({ asset, reason: `checked out to ${before.get(asset.id)?.assignedTo?.name ?? asset.assignedId}; check it in first` });
    else if (!AVAILABLE_FOR_CHECKOUT.has(asset.status)) refusals.push({ asset, reason: `${asset.status} and cannot be checked out` });
    else if (above.has(asset.id)) refusals.push({ asset, reason: 'cannot be checked out to itself or to something it holds' });
  }
  return {
    refusals,
    apply: async () => {
      const ids = assets.map((a) => a.id);
      const expectedReturn = action.expectedReturn ?? null;
      const now = new Date();
      await insertAssignments(tx, ids.map((assetId) => ({
        id: randomUUID(), assetId, targetType: type, targetId, checkedOutAt: now, checkedOutBy: actor.username, expectedReturn, note: action.note ?? null,
      })));
      await setAssetsHolder(tx, ids, { type, id: targetId, expectedReturn });
      if (type === 'location') await setAssetsLocation(tx, ids, targetId);
      const moving = assets.filter((a) => a.status !== 'deployed');
      await setAssetsStatus(tx, moving.map((a) => a.id), 'deployed');
      await insertTransitions(tx, moving.map((a) => ({ assetId: a.id, fromStatus: a.status, toStatus: 'deployed', by: actor.username, reason: 'checked out' })));
    },
  };
}

/** Returns: each asset must be checked out; they go back to stock or to repair. */
function planCheckin(tx: Queryable, actor: Actor, assets: AssetState[], action: Action<'checkin'>): Plan {
  return {
    refusals: assets.filter((a) => !a.assignedId).map((asset) => ({ asset, reason: 'not checked out' })),
    apply: async () => {
      const ids = assets.map((a) => a.id);
      await closeOpenAssignments(tx, ids, actor.username, action.note ?? null);
      await setAssetsHolder(tx, ids, null);
      if (action.locationId) await setAssetsLocation(tx, ids, action.locationId);
      const moving = assets.filter((a) => a.status !== action.status);
      await setAssetsStatus(tx, moving.map((a) => a.id), action.status);
      const transitions: TransitionRecord[] = moving.map((a) => ({ assetId: a.id, fromStatus: a.status, toStatus: action.status, by: actor.username, reason: 'checked in' }));
      await insertTransitions(tx, transitions);
    },
  };
}

function refused(refusals: Refusal[], total: number): ApiProblem {
  const issues = refusals.map((r) => `${r.asset.tag} (${r.asset.id}): ${r.reason}`);
  return new ApiProblem(422, 'bulk_refused', `${refusals.length} of ${total} assets cannot be changed; nothing was changed: ${issues.slice(0, 3).join('; ')}`, issues);
}

/**
 * Makes one change to many assets, all or nothing: every asset is locked and checked first as the
 * single-asset change would check it; if any is refused nothing is stored and the answer names
 * each refused asset and why. Otherwise the change is made with a few set-based statements, each
 * asset's history keeps its before and after, and the audit log one entry naming every asset.
 */
export async function changeAssets(db: Database, actor: Actor, ids: string[], action: BulkAssetAction): Promise<BulkAssetAnswer> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const locked = new Map((await lockAssets(tx, ids)).map((a) => [a.id, a]));
    // Locked in id order, answered in the order asked.
    const assets = ids.flatMap((id) => locked.get(id) ?? []);
    if (assets.length < ids.length) {
      const found = new Set(locked.keys());
      const missing = ids.filter((id) => !found.has(id));
      throw new ApiProblem(422, 'bulk_refused', `${missing.length} of ${ids.length} assets do not exist; nothing was changed`, missing.map((id) => `${id}: no such asset`));
    }
    const before = new Map((await getRecords<Asset>(tx, assetsTable, ids)).map((a) => [a.id, a]));
    const plan = action.type === 'status' ? await planStatus(tx, actor, assets, action)
      : action.type === 'set' ? await planFields(tx, assets, before, action.values)
        : action.type === 'checkout' ? await planCheckout(tx, actor, assets, before, action)
          : planCheckin(tx, actor, assets, action);
    if (plan.refusals.length) throw refused(plan.refusals, ids.length);
    await plan.apply();
    const after = await getRecords<Asset>(tx, assetsTable, ids);
    const change = historyAction(action);
    await recordChanges(
      tx, actor,
      after.map((a) => ({ objectType: 'asset' as const, objectId: a.id, action: change, before: before.get(a.id) ?? null, after: a })),
      { action: 'asset.bulk', details: { change, action } },
    );
    return { changed: ids.length };
  }));
}
