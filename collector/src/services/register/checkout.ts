import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Asset, checkinRequest, checkoutRequest } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { isAssetWithin, setAssetHolder, setAssetLocation, setAssetStatus } from '../../store/register/assets.js';
import { closeOpenAssignment, insertAssignments, targetExists } from '../../store/register/assignments.js';
import { insertTransitions } from '../../store/register/transitions.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { issueAcceptance } from './acceptance.js';
import { readAsset } from './assets.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { lockedAsset } from './lifecycle.js';
import { recordChanges } from './record-changes.js';
import { recordSighting } from './sightings.js';

export type CheckoutRequest = z.infer<typeof checkoutRequest>;
export type CheckinRequest = z.input<typeof checkinRequest>;

/** Statuses from which an item can be handed out. */
export const AVAILABLE = new Set(['in_stock', 'deployed', 'received']);

/** Hands an asset to a person, department, location or another asset; it becomes deployed. */
export async function checkOutAsset(db: Database, actor: Actor, id: string, request: CheckoutRequest): Promise<Asset> {
  return (await checkOut(db, actor, id, request)).asset;
}

export interface CheckedOut {
  asset: Asset;
  assignmentId: string;
  /** The link token, when the person was asked to accept: shown once, never stored. */
  acceptance: { token: string; expiresAt: Date } | null;
}

/**
 * A check-out with what may come with it: the position of the phone that made it, and a link for
 * the person to accept it, all in the check-out's transaction.
 */
export async function checkOut(db: Database, actor: Actor, id: string, request: CheckoutRequest): Promise<CheckedOut> {
  if (request.requestAcceptance && request.target.type !== 'person') {
    throw new ApiProblem(400, 'invalid_request', 'requestAcceptance: only a person can be asked to accept a check-out', ['requestAcceptance: only for a check-out to a person']);
  }
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const asset = await lockedAsset(tx, id);
    if (asset.assignedId) {
      const holder = (await readAsset(tx, id)).assignedTo?.name ?? asset.assignedId;
      throw new ApiProblem(409, 'already_checked_out', `asset ${asset.tag} is checked out to ${holder}; check it in first`);
    }
    if (!AVAILABLE.has(asset.status)) {
      throw new ApiProblem(409, 'not_available', `asset ${asset.tag} is ${asset.status} and cannot be checked out`);
    }
    const { type, id: targetId } = request.target;
    if (!(await targetExists(tx, type, targetId))) {
      throw new ApiProblem(400, 'unknown_target', `target.id: no ${type === 'person' ? 'active person' : type} with id ${targetId}`, [`target.id: no such ${type}`]);
    }
    if (type === 'asset' && (await isAssetWithin(tx, targetId, id))) {
      throw new ApiProblem(400, 'would_loop', 'target.id: an asset cannot be checked out to itself or to something it holds', ['target.id: would make a loop']);
    }
    const before = await readAsset(tx, id);
    const expectedReturn = request.expectedReturn ?? null;
    const assignmentId = randomUUID();
    await insertAssignments(tx, [{
      id: assignmentId, assetId: id, targetType: type, targetId, checkedOutAt: new Date(), checkedOutBy: actor.username,
      expectedReturn, note: request.note ?? null,
    }]);
    await setAssetHolder(tx, id, { type, id: targetId, expectedReturn });
    if (type === 'location') await setAssetLocation(tx, id, targetId);
    if (asset.status !== 'deployed') {
      await setAssetStatus(tx, id, 'deployed');
      await insertTransitions(tx, [{ assetId: id, fromStatus: asset.status, toStatus: 'deployed', by: actor.username, reason: 'checked out' }]);
    }
    const after = await readAsset(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'checked_out', before, after }]);
    if (request.position) await recordSighting(tx, actor, id, request.position, 'checkout');
    const acceptance = request.requestAcceptance ? await issueAcceptance(tx, actor, assignmentId, id) : null;
    return { asset: after, assignmentId, acceptance };
  }));
}

/** Takes an asset back: the assignment closes and the item returns to stock (or to repair). */
export async function checkInAsset(db: Database, actor: Actor, id: string, request: CheckinRequest): Promise<Asset> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const asset = await lockedAsset(tx, id);
    if (!asset.assignedId) throw new ApiProblem(409, 'not_checked_out', `asset ${asset.tag} is not checked out`);
    const before = await readAsset(tx, id);
    await closeOpenAssignment(tx, id, actor.username, request.note ?? null);
    await setAssetHolder(tx, id, null);
    if (request.locationId) await setAssetLocation(tx, id, request.locationId);
    const status = request.status ?? 'in_stock';
    if (asset.status !== status) {
      await setAssetStatus(tx, id, status);
      await insertTransitions(tx, [{ assetId: id, fromStatus: asset.status, toStatus: status, by: actor.username, reason: 'checked in' }]);
    }
    const after = await readAsset(tx, id);
    await recordChanges(tx, actor, [{ objectType: 'asset', objectId: id, action: 'checked_in', before, after }]);
    return after;
  }));
}
