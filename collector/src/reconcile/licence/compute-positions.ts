import type { Queryable } from '../../store/database.js';
import { consumerBuckets, pickUnlicensed, prepareConsumers, shelfwareCounts, type UncoveredBucket } from '../../store/reconcile/consumers.js';
import { entitlementTerms, productTerms } from '../../store/reconcile/entitlement-terms.js';
import type { PositionFigures } from '../../store/reconcile/positions.js';
import { allocateProduct } from './allocate.js';
import { activeAt, consumerKind, coreFloors, coreUnits, dayOf } from './terms.js';

export interface ComputedPositions {
  figures: PositionFigures[];
}

/**
 * The licence position of the given products as of a date, computed from the stored installs and
 * entitlements. Each product is always computed whole, so the answer does not depend on which
 * device changed last.
 */
export async function computePositions(db: Queryable, productIds: string[], asOf: Date, shelfwareDays: number): Promise<ComputedPositions> {
  if (productIds.length === 0) return { figures: [] };
  const [products, entitlements] = await Promise.all([productTerms(db, productIds), entitlementTerms(db, productIds)]);
  const known = productIds.filter((id) => products.has(id));
  const day = dayOf(asOf);
  const userProducts = known.filter((id) => consumerKind(products.get(id)!, (entitlements.get(id) ?? []).filter((e) => activeAt(e, day))) === 'user');
  await prepareConsumers(db, known, userProducts, asOf);
  const { buckets, installs } = await consumerBuckets(db);
  const shelfware = await shelfwareCounts(db, known, asOf, shelfwareDays);
  const figures: PositionFigures[] = [];
  const uncovered: UncoveredBucket[] = [];
  for (const id of known) {
    const product = products.get(id)!;
    const terms = entitlements.get(id) ?? [];
    const productBuckets = buckets.get(id) ?? [];
    const a = allocateProduct(product, terms, productBuckets, asOf);
    const floors = coreFloors(product, terms);
    const byKey = new Map(productBuckets.map((b) => [b.key, b]));
    for (const u of a.uncovered) {
      const bucket = byKey.get(u.key)!;
      uncovered.push({ productId: id, bucket, count: u.count, units: a.metric === 'core' ? coreUnits(bucket, floors) : 1 });
    }
    figures.push({
      productId: id, metric: a.metric, entitled: a.entitled, consumed: a.consumed, covered: a.covered, shortfall: a.shortfall,
      surplus: a.surplus, shortfallCost: a.shortfallCost, currency: a.currency, installs: installs.get(id) ?? 0,
      unlicensed: 0, shelfware: shelfware.get(id) ?? 0, entitlements: a.uses,
    });
  }
  const perProduct = await pickUnlicensed(db, uncovered);
  for (const f of figures) f.unlicensed = perProduct.get(f.productId) ?? 0;
  return { figures };
}
