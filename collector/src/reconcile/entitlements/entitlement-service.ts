import { randomUUID } from 'node:crypto';
import type { Entitlement, EntitlementFields } from '@steward/shared';
import { recordAudit } from '../../services/audit.js';
import { ApiProblem } from '../../services/errors.js';
import { sealSecret, type MasterKeys } from '../../services/secrets.js';
import type { Database, Queryable } from '../../store/database.js';
import { getProduct } from '../../store/reconcile/catalogue.js';
import {
  deleteAllocation, deleteEntitlement, entitlementRow, getEntitlement, insertAllocation, insertEntitlement,
  replaceAllocations, replaceEntitlementKeys, updateEntitlement,
} from '../../store/reconcile/entitlements.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { releaseKey } from '../normalise/release-key.js';
import { recomputePositionsIn } from '../run/recompute-positions.js';

/** Who acts, as the audit log records them. */
export interface Actor {
  username: string;
  role: string;
  sourceIp?: string;
}

/** What the audit log keeps of an entitlement: everything but its keys, of which only the count. */
function auditView(e: Entitlement | undefined) {
  if (!e) return undefined;
  const { allocations, used: _used, ...rest } = e;
  return { ...rest, allocations: allocations.map((a) => ({ targetKind: a.targetKind, target: a.target })) };
}

async function rowFor(tx: Queryable, input: EntitlementFields) {
  const product = await getProduct(tx, input.productId);
  if (!product) throw new ApiProblem(400, 'unknown_product', `productId: no catalogue product ${input.productId}`);
  return entitlementRow(input, releaseKey(input.release, product.releases));
}

async function recomputeAfter(tx: Queryable, productIds: string[]): Promise<void> {
  await recomputePositionsIn(tx, [...new Set(productIds)], new Date(), 'changed');
}

async function readBack(tx: Queryable, id: string): Promise<Entitlement> {
  const e = await getEntitlement(tx, id);
  if (!e) throw new ApiProblem(404, 'not_found', `no entitlement with id ${id}`);
  return e;
}

/**
 * Records an entitlement with its allocations; licence keys are sealed with the master key before
 * they reach the database. The product's position is recomputed in the same transaction.
 */
export async function createEntitlement(db: Database, keys: MasterKeys, actor: Actor, input: EntitlementFields): Promise<Entitlement> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    await insertEntitlement(tx, id, await rowFor(tx, input));
    await replaceEntitlementKeys(tx, id, (input.licenceKeys ?? []).map((k) => sealSecret(keys, k)));
    await replaceAllocations(tx, id, input.allocations ?? []);
    await recomputeAfter(tx, [input.productId]);
    const created = await readBack(tx, id);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'entitlement.create', objectType: 'entitlement', objectId: id, after: auditView(created) });
    return created;
  });
}

/** Replaces an entitlement; its keys are kept unless new ones are given, its allocations likewise. */
export async function replaceEntitlement(db: Database, keys: MasterKeys, actor: Actor, id: string, input: EntitlementFields): Promise<Entitlement> {
  return db.transaction(async (tx) => {
    const before = await readBack(tx, id);
    await updateEntitlement(tx, id, await rowFor(tx, input));
    if (input.licenceKeys) await replaceEntitlementKeys(tx, id, input.licenceKeys.map((k) => sealSecret(keys, k)));
    if (input.allocations) await replaceAllocations(tx, id, input.allocations);
    await recomputeAfter(tx, [before.productId, input.productId]);
    const after = await readBack(tx, id);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'entitlement.update', objectType: 'entitlement', objectId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

export async function removeEntitlement(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await readBack(tx, id);
    await deleteEntitlement(tx, id);
    await recomputeAfter(tx, [before.productId]);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'entitlement.delete', objectType: 'entitlement', objectId: id, before: auditView(before) });
  });
}

export async function allocate(db: Database, actor: Actor, id: string, allocation: { targetKind: string; target: string }): Promise<Entitlement> {
  return db.transaction(async (tx) => {
    const before = await readBack(tx, id);
    if (!(await insertAllocation(tx, id, randomUUID(), allocation))) {
      throw new ApiProblem(409, 'already_allocated', `${allocation.targetKind} ${allocation.target} is already allocated this entitlement`);
    }
    await recomputeAfter(tx, [before.productId]);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'entitlement.allocate', objectType: 'entitlement', objectId: id, after: allocation });
    return readBack(tx, id);
  });
}

export async function deallocate(db: Database, actor: Actor, id: string, allocationId: string): Promise<Entitlement> {
  return db.transaction(async (tx) => {
    const before = await readBack(tx, id);
    const gone = before.allocations.find((a) => a.id === allocationId);
    if (!gone || !(await deleteAllocation(tx, id, allocationId))) throw new ApiProblem(404, 'not_found', `no allocation ${allocationId} on entitlement ${id}`);
    await recomputeAfter(tx, [before.productId]);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'entitlement.deallocate', objectType: 'entitlement', objectId: id, before: { targetKind: gone.targetKind, target: gone.target } });
    return readBack(tx, id);
  });
}
