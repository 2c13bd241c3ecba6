import { randomUUID } from 'node:crypto';
import type { CatalogueProduct, CatalogueProductInput, NormalisationRule, NormalisationRuleFields, RawTitle } from '@steward/shared';
import { catalogueProductInput } from '@steward/shared';
import { recordAudit } from '../../services/audit.js';
import { ApiProblem } from '../../services/errors.js';
import type { Database, Queryable } from '../../store/database.js';
import {
  defaultRulePosition, deleteProduct, deleteRule, getProduct, getRule, listProducts, listRules, productHasEntitlements, upsertProducts, upsertRules,
} from '../../store/reconcile/catalogue.js';
import { bumpRulesGeneration } from '../../store/reconcile/generation.js';
import { compileRules } from '../normalise/compile-rules.js';
import { normaliseTitle } from '../normalise/normalise-title.js';
import { ensureShippedCatalogue } from './ensure-catalogue.js';
import type { Actor } from '../entitlements/entitlement-service.js';

function audit(tx: Queryable, actor: Actor, action: string, objectType: string, objectId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action, objectType, objectId, before, after });
}

/**
 * Every change to the catalogue or the rules starts a new rules generation: titles are normalised
 * again by the next full reconciliation (and each device's by its next reconciliation).
 */
async function changed(tx: Queryable): Promise<void> {
  await bumpRulesGeneration(tx);
}

export async function createProduct(db: Database, actor: Actor, input: CatalogueProductInput): Promise<CatalogueProduct> {
  await ensureShippedCatalogue(db);
  const product: CatalogueProduct = { ...catalogueProductInput.parse(input), origin: 'user' };
  return db.transaction(async (tx) => {
    if (await getProduct(tx, product.id)) throw new ApiProblem(409, 'duplicate', `id: a product ${product.id} exists already`);
    await upsertProducts(tx, [product]);
    await changed(tx);
    await audit(tx, actor, 'catalogue.product.create', 'catalogue-product', product.id, undefined, product);
    return product;
  });
}

/** Edits a product; a shipped one becomes the organisation's own, so new releases no longer overwrite it. */
export async function updateProduct(db: Database, actor: Actor, id: string, patch: Partial<CatalogueProductInput>): Promise<CatalogueProduct> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const before = await getProduct(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no catalogue product ${id}`);
    const after: CatalogueProduct = { ...catalogueProductInput.parse({ ...before, ...patch, id }), origin: 'user' };
    await upsertProducts(tx, [after]);
    await changed(tx);
    await audit(tx, actor, 'catalogue.product.update', 'catalogue-product', id, before, after);
    return after;
  });
}

export async function removeProduct(db: Database, actor: Actor, id: string): Promise<void> {
  await ensureShippedCatalogue(db);
  await db.transaction(async (tx) => {
    const before = await getProduct(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no catalogue product ${id}`);
    if (await productHasEntitlements(tx, id)) throw new ApiProblem(409, 'in_use', `product ${id} has entitlements; delete them first`);
    await deleteProduct(tx, id);
    await changed(tx);
    await audit(tx, actor, 'catalogue.product.delete', 'catalogue-product', id, before, undefined);
  });
}

async function checkRuleProduct(tx: Queryable, rule: NormalisationRuleFields): Promise<void> {
  if (rule.productId && !(await getProduct(tx, rule.productId))) throw new ApiProblem(400, 'unknown_product', `rule.productId: no catalogue product ${rule.productId}`);
  if (!rule.productId && rule.licence === 'commercial') throw new ApiProblem(400, 'invalid_rule', 'rule.productId: a commercial outcome needs a catalogue product');
}

export async function createRule(db: Database, actor: Actor, rule: NormalisationRuleFields, position?: number): Promise<NormalisationRule> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    await checkRuleProduct(tx, rule);
    const created: NormalisationRule = { ...rule, id: randomUUID(), position: position ?? (await defaultRulePosition(tx)), origin: 'user' };
    await upsertRules(tx, [created]);
    await changed(tx);
    await audit(tx, actor, 'catalogue.rule.create', 'normalisation-rule', created.id, undefined, created);
    return created;
  });
}

/** Changes a rule; a shipped rule so changed is kept as it is when the shipped rules are updated. */
export async function updateRule(db: Database, actor: Actor, id: string, rule: NormalisationRuleFields, position?: number): Promise<NormalisationRule> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const before = await getRule(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no rule ${id}`);
    await checkRuleProduct(tx, rule);
    const after: NormalisationRule = { ...rule, id, position: position ?? before.position, origin: before.origin === 'user' ? 'user' : 'user-modified' };
    await upsertRules(tx, [after]);
    await changed(tx);
    await audit(tx, actor, 'catalogue.rule.update', 'normalisation-rule', id, before, after);
    return after;
  });
}

/** Removes a person's rule; a shipped rule is disabled instead, so an update does not bring it back. */
export async function removeRule(db: Database, actor: Actor, id: string): Promise<void> {
  await ensureShippedCatalogue(db);
  await db.transaction(async (tx) => {
    const before = await getRule(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no rule ${id}`);
    if (before.origin === 'user') await deleteRule(tx, id);
    else await upsertRules(tx, [{ ...before, enabled: false, origin: 'user-modified' }]);
    await changed(tx);
    await audit(tx, actor, 'catalogue.rule.delete', 'normalisation-rule', id, before, undefined);
  });
}

/** What the current rules make of a title, without storing anything: for writing rules. */
export async function previewNormalisation(db: Database, title: RawTitle) {
  await ensureShippedCatalogue(db);
  const [rules, products] = await Promise.all([listRules(db), listProducts(db)]);
  return normaliseTitle(title, compileRules(rules, products));
}
