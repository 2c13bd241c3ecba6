import type { z } from 'zod';
import {
  ASSET_TRANSITIONS, transitionAllowed, type Asset, type AssetStatus, type TransitionRequest, type sanitisationInput,
} from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { getAcquisition, mergeAcquisition, type AcquisitionValues } from '../../store/register/acquisitions.js';
import { lockAsset, setAssetHolder, setAssetStatus, type AssetState } from '../../store/register/assets.js';
import { closeOpenAssignment } from '../../store/register/assignments.js';
import { acquisitionFacts } from '../../store/register/bulk-assets.js';
import { getSanitisation, putSanitisation } from '../../store/register/sanitisations.js';
import { insertTransitions } from '../../store/register/transitions.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { readAsset } from './assets.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { entryRefusal, entryStamps } from './entry-rules.js';
import { recordChanges } from './record-changes.js';

export async function lockedAsset(tx: Queryable, id: string): Promise<AssetState> {
  const state = await lockAsset(tx, id);
  if (!state) throw new ApiProblem(404, 'not_found', `no asset with id ${id}`);
  return state;
}

function refuse(code: string, message: string): never {
  throw new ApiProblem(409, code, message, [message]);
}

/** The step's entry rule checked against the asset's stored acquisition and sanitisation records. */
async function checkEntryRule(tx: Queryable, actor: Actor, asset: AssetState, to: AssetStatus): Promise<AcquisitionValues> {
  const refusal = entryRefusal(to, (await acquisitionFacts(tx, [asset.id])).get(asset.id));
  if (refusal) refuse(refusal.code, refusal.message);
  return entryStamps(to, actor.username);
}

/** Moves an asset to another status if the transition table allows it and the step's rule is met. */
export async function transitionAsset(db: Database, actor: Actor, id: string, request: TransitionRequest): Promise<Asset> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const asset = await lockedAsset(tx, id);
    if (!transitionAllowed(asset.status, request.to)) {
      const allowed = ASSET_TRANSITIONS[asset.status];
      refuse('transition_refused', `status: cannot go from ${asset.status} to ${request.to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}`);
    }
    if (asset.assignedId && request.to === 'in_stock') refuse('checked_out', 'status: the asset is checked out; check it in instead');
    const before = await readAsset(tx, id);
    if (request.acquisition) await mergeAcquisition(tx, id, request.acquisition);
    if (request.sanitisation) await putSanitisation(tx, { ...request.sanitisation, assetId: id, recordedBy: actor.username });
    const stamps = await checkEntryRule(tx, actor, asset, request.to);
    if (Object.keys(stamps).length) await mergeAcquisition(tx, id, stamps);
    // Leaving deployed ends the current holding: the assignment log keeps who had it until now.
    if (asset.assignedId) {
      await closeOpenAssignment(tx, id, actor.username, `closed by the move to ${request.to}: ${request.reason}`);
      await setAssetHolder(tx, id, null);
    }
    await setAssetStatus(tx, id, request.to);
    await insertTransitions(tx, [{ assetId: id, fromStatus: asset.status, toStatus: request.to, by: actor.username, reason: request.reason }]);
    const after = await readAsset(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: `status:${request.to}`, before, after }]);
    return after;
  }));
}

export type SanitisationInput = z.infer<typeof sanitisationInput>;

/** Records how the asset's data was destroyed: the condition for disposal. */
export async function recordSanitisation(db: Database, actor: Actor, id: string, input: SanitisationInput) {
  return db.transaction(async (tx) => {
    const asset = await lockedAsset(tx, id);
    if (asset.status === 'disposed') refuse('already_disposed', 'sanitisation: the asset is already disposed of');
    const before = (await getSanitisation(tx, id)) ?? null;
    await putSanitisation(tx, { ...input, assetId: id, recordedBy: actor.username });
    const after = await getSanitisation(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'sanitisation', before, after }]);
    return after!;
  });
}

/** Adds purchase details (justification, PO, invoice, inspection) to an asset's acquisition record. */
export async function recordAcquisition(db: Database, actor: Actor, id: string, values: AcquisitionValues) {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    await lockedAsset(tx, id);
    const before = (await getAcquisition(tx, id)) ?? null;
    await mergeAcquisition(tx, id, values);
    const after = await getAcquisition(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'acquisition', before, after }]);
    return after!;
  }));
}
