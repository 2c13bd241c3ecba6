import { randomUUID } from 'node:crypto';
import type { DeviceMerge, DeviceMergeInput, KeepApartInput } from '@steward/shared';
import { ensureShippedCatalogue } from '../reconcile/catalogue/ensure-catalogue.js';
import { reconcileDeviceIn } from '../reconcile/run/reconcile-device.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import type { Database, Queryable } from '../store/database.js';
import { putBackDevice, takeOutDevice } from '../store/identity/device-snapshot.js';
import { insertMerge, lockDevices, lockMerge, markUnmerged, mergesInto } from '../store/identity/merges.js';
import { decideReview, keepPairApart, lockPairReview, lockReview } from '../store/identity/reviews.js';
import { queueProducts } from '../store/reconcile/queue.js';

export interface IdentityActor {
  username: string;
  role?: string;
  sourceIp?: string;
}

const audit = (tx: Queryable, actor: IdentityActor, action: string, objectId: string, before: unknown, after: unknown) =>
  recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action, objectType: 'device', objectId, before, after });

/** Products a snapshot's licence installs counted: their positions move when the device goes or comes back. */
const productsOf = (children: Record<string, Array<Record<string, unknown>>>) =>
  [...new Set((children.licence_installs ?? []).map((r) => String(r.product_id)))];

/**
 * Folds one device into another: its agents and reports move to the kept device, everything else
 * it held (software, identifiers, links, licence installs) is set aside in the merge's record, its
 * findings are resolved, and both devices are reconciled so figures count one machine. Audited;
 * undone by unmergeDevices.
 */
export async function mergeDevices(db: Database, actor: IdentityActor, input: DeviceMergeInput): Promise<DeviceMerge> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const found = await lockDevices(tx, [input.keepDeviceId, input.mergeDeviceId]);
    for (const [field, id] of [['keepDeviceId', input.keepDeviceId], ['mergeDeviceId', input.mergeDeviceId]] as const) {
      if (!found.has(id)) throw new ApiProblem(404, 'not_found', `${field}: no device ${id}`);
    }
    const review = await lockPairReview(tx, input.keepDeviceId, input.mergeDeviceId);
    const snapshot = await takeOutDevice(tx, input.mergeDeviceId, input.keepDeviceId);
    const merge = await insertMerge(tx, {
      id: randomUUID(), keptId: input.keepDeviceId, mergedId: input.mergeDeviceId, hostname: found.get(input.mergeDeviceId)!, by: actor.username, snapshot,
    });
    if (review) await decideReview(tx, review.id, 'merged', actor.username, input.reason ?? null);
    await reconcileDeviceIn(db, tx, input.keepDeviceId);
    await reconcileDeviceIn(db, tx, input.mergeDeviceId);
    await queueProducts(tx, productsOf(snapshot.children));
    await audit(tx, actor, 'device.merge', input.keepDeviceId, { mergedDevice: snapshot.device, review: review?.id ?? null }, {
      mergeId: merge.id, keptDeviceId: input.keepDeviceId, mergedDeviceId: input.mergeDeviceId, movedAgents: snapshot.agents, reason: input.reason ?? null,
    });
    return merge;
  });
}

/** Undoes a merge: the merged device comes back with all it held, its agents, reports and findings. */
export async function unmergeDevices(db: Database, actor: IdentityActor, mergeId: string): Promise<DeviceMerge> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const merge = await lockMerge(tx, mergeId);
    if (!merge) throw new ApiProblem(404, 'not_found', `no merge ${mergeId}`);
    if (merge.unmergedAt) throw new ApiProblem(409, 'already_unmerged', `merge ${mergeId} was undone at ${merge.unmergedAt}`);
    const later = (await mergesInto(tx, merge.mergedDeviceId)).length;
    if (later) throw new ApiProblem(409, 'merged_since', 'other devices were merged into this one since; undo those merges first');
    if ((await lockDevices(tx, [merge.keptDeviceId])).size === 0) throw new ApiProblem(409, 'kept_device_gone', 'the kept device no longer exists');
    await putBackDevice(tx, merge.snapshot, merge.keptDeviceId);
    const review = await lockPairReview(tx, merge.keptDeviceId, merge.mergedDeviceId);
    if (review?.state === 'merged') await decideReview(tx, review.id, 'open', null, null);
    const undone = await markUnmerged(tx, mergeId, actor.username);
    await reconcileDeviceIn(db, tx, merge.mergedDeviceId);
    await reconcileDeviceIn(db, tx, merge.keptDeviceId);
    await queueProducts(tx, productsOf(merge.snapshot.children));
    await audit(tx, actor, 'device.unmerge', merge.keptDeviceId, { mergeId, keptDeviceId: merge.keptDeviceId }, { restoredDeviceId: merge.mergedDeviceId, agents: merge.snapshot.agents });
    return undone;
  });
}

/** Settles a doubt the other way: the two devices are separate machines, and the rules will not ask again. */
export async function keepDevicesApart(db: Database, actor: IdentityActor, input: KeepApartInput): Promise<void> {
  await ensureShippedCatalogue(db);
  await db.transaction(async (tx) => {
    const found = await lockDevices(tx, [input.deviceId, input.otherDeviceId]);
    for (const [field, id] of [['deviceId', input.deviceId], ['otherDeviceId', input.otherDeviceId]] as const) {
      if (!found.has(id)) throw new ApiProblem(404, 'not_found', `${field}: no device ${id}`);
    }
    const review = await lockPairReview(tx, input.deviceId, input.otherDeviceId);
    if (review) await decideReview(tx, review.id, 'kept-apart', actor.username, input.reason ?? null);
    else await keepPairApart(tx, input.deviceId, input.otherDeviceId, actor.username, input.reason ?? null);
    await reconcileDeviceIn(db, tx, input.deviceId);
    await reconcileDeviceIn(db, tx, input.otherDeviceId);
    await audit(tx, actor, 'device.keep-apart', input.deviceId, { review: review?.state ?? null },
      { otherDeviceId: input.otherDeviceId, reason: input.reason ?? null });
  });
}

/** A person confirms that the agent which presented a registered machine's identity is that machine's. */
export async function acceptClaim(db: Database, actor: IdentityActor, reviewId: string): Promise<void> {
  await ensureShippedCatalogue(db);
  await db.transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    if (!review) throw new ApiProblem(404, 'not_found', `no identity review ${reviewId}`);
    if (review.kind !== 'claimed') throw new ApiProblem(409, 'not_a_claim', 'a possible duplicate is merged or kept apart, not accepted');
    if (review.state !== 'open') throw new ApiProblem(409, 'decided', `this review was already decided (${review.state})`);
    await decideReview(tx, review.id, 'accepted', actor.username, null);
    await reconcileDeviceIn(db, tx, review.deviceId);
    await audit(tx, actor, 'device.identity-claim.accept', review.deviceId, { state: review.state }, { reviewId, agentId: review.agentId });
  });
}
