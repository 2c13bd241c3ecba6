import type { LicenceMetric } from '@steward/shared';
import { covers, preference } from './covers.js';
import {
  activeAt, consumerKind, coreFloors, coreUnits, dayOf,
  type ConsumerBucket, type EntitlementTerms, type ProductTerms,
} from './terms.js';

export interface EntitlementUse {
  entitlementId: string;
  metric: LicenceMetric;
  quantity: number | null;
  used: number;
}

export interface ProductAllocation {
  consumers: 'device' | 'user';
  metric: LicenceMetric;
  entitled: number | null;
  consumed: number;
  covered: number;
  shortfall: number;
  surplus: number | null;
  shortfallCost: number | null;
  currency: string | null;
  uses: EntitlementUse[];
  /** Per bucket, how many of its consumers no entitlement covers. */
  uncovered: Array<{ key: string; count: number }>;
}

interface Draw {
  terms: EntitlementTerms;
  used: number;
}

/** The metric a product's shortfall is counted in: the commonest among its entitlements in force. */
function primaryMetric(product: ProductTerms, active: readonly EntitlementTerms[], all: readonly EntitlementTerms[]): LicenceMetric {
  const pool = active.length ? active : all;
  if (pool.length === 0) return product.defaultMetric;
  const counts = new Map<LicenceMetric, number>();
  for (const e of pool) counts.set(e.metric, (counts.get(e.metric) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === product.defaultMetric ? -1 : b[0] === product.defaultMetric ? 1 : a[0] < b[0] ? -1 : 1))[0]![0];
}

/** Covers one bucket's consumers from the entitlements that may, in preference order. */
function coverBucket(bucket: ConsumerBucket, draws: Draw[], units: (metric: LicenceMetric) => number): { left: number; partialNeed: number; covered: number } {
  let left = bucket.count;
  let partialNeed = 0;
  let covered = 0;
  const eligible = draws
    .filter((d) => covers(d.terms, bucket) && (!d.terms.allocated || d.terms.id === bucket.hint))
    .sort((x, y) => preference(bucket)(x.terms, y.terms));
  for (const draw of eligible) {
    if (left === 0 && partialNeed === 0) break;
    const each = units(draw.terms.metric);
    if (draw.terms.quantity === null) {
      draw.used += left * each + partialNeed;
      covered += left * each + partialNeed;
      left = 0;
      partialNeed = 0;
      break;
    }
    let room = draw.terms.quantity - draw.used;
    if (partialNeed > 0 && room > 0) {
      const take = Math.min(room, draw.terms.metric === 'core' ? partialNeed : 1);
      const finishes = draw.terms.metric !== 'core' || take === partialNeed;
      draw.used += take;
      room -= take;
      covered += take;
      partialNeed = finishes ? 0 : partialNeed - take;
    }
    const whole = Math.min(left, Math.floor(room / each));
    draw.used += whole * each;
    room -= whole * each;
    covered += whole * each;
    left -= whole;
    if (left > 0 && room > 0 && draw.terms.metric === 'core' && partialNeed === 0) {
      draw.used += room;
      covered += room;
      partialNeed = each - room;
      left -= 1;
    }
  }
  return { left, partialNeed, covered };
}

/**
 * The licence position of one product at a date: which consumers its entitlements cover, greedily
 * (hinted buckets, then the highest releases, first), and what is left over on either side.
 */
export function allocateProduct(product: ProductTerms, entitlements: readonly EntitlementTerms[], buckets: readonly ConsumerBucket[], asOf: Date): ProductAllocation {
  const day = dayOf(asOf);
  const active = entitlements.filter((e) => activeAt(e, day));
  const consumers = consumerKind(product, active);
  const floors = coreFloors(product, entitlements);
  const draws: Draw[] = active.map((terms) => ({ terms, used: 0 }));
  const metric = primaryMetric(product, active, entitlements);
  const ordered = [...buckets].sort((a, b) =>
    (a.hint ? 0 : 1) - (b.hint ? 0 : 1) || ((b.releaseKey ?? '') < (a.releaseKey ?? '') ? -1 : (b.releaseKey ?? '') > (a.releaseKey ?? '') ? 1 : 0) || (a.key < b.key ? -1 : 1));
  let covered = 0;
  let shortfall = 0;
  const uncovered: ProductAllocation['uncovered'] = [];
  for (const bucket of ordered) {
    const cores = coreUnits(bucket, floors);
    const units = (m: LicenceMetric) => (m === 'core' ? cores : 1);
    const outcome = coverBucket(bucket, draws, units);
    covered += outcome.covered;
    const missing = outcome.left + (outcome.partialNeed > 0 ? 1 : 0);
    if (missing > 0) uncovered.push({ key: bucket.key, count: missing });
    shortfall += metric === 'core' ? outcome.left * cores + outcome.partialNeed : missing;
  }
  const counted = draws.filter((d) => d.terms.metric === metric);
  const unlimited = draws.some((d) => d.terms.quantity === null);
  const entitled = unlimited ? null : counted.reduce((sum, d) => sum + (d.terms.quantity ?? 0), 0);
  const surplus = unlimited ? null : counted.reduce((sum, d) => sum + Math.max(0, (d.terms.quantity ?? 0) - d.used), 0);
  const priced = entitlements.filter((e) => e.metric === metric && e.unitCost !== null).sort((a, b) => b.unitCost! - a.unitCost!)[0];
  // An entitlement's own cost first, then the organisation's price, then the catalogue's list price (in EUR).
  const fallback = product.organisationPrice !== null
    ? { price: product.organisationPrice, currency: product.organisationCurrency ?? 'EUR' }
    : { price: product.listPrice, currency: product.listPrice !== null ? 'EUR' : null };
  const unitPrice = priced?.unitCost ?? fallback.price;
  return {
    consumers,
    metric,
    entitled,
    consumed: covered + shortfall,
    covered,
    shortfall,
    surplus,
    shortfallCost: unitPrice === null || unitPrice === undefined ? null : Math.round(shortfall * unitPrice * 100) / 100,
    currency: priced?.currency ?? fallback.currency,
    uses: draws.map((d) => ({ entitlementId: d.terms.id, metric: d.terms.metric, quantity: d.terms.quantity, used: d.used })),
    uncovered,
  };
}
