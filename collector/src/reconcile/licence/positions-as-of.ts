import type { LicencePosition, PositionList } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { readPicks, type UnlicensedPick } from '../../store/reconcile/consumers.js';
import { listProducts } from '../../store/reconcile/catalogue.js';
import { productsInPlay } from '../../store/reconcile/installs.js';
import { listPositions, storedPicks } from '../../store/reconcile/positions.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { withoutJit } from '../../store/reconcile/temp-table.js';
import { computePositions } from './compute-positions.js';

/** A date-only asOf means the end of that day. */
export function asOfInstant(asOf?: string): Date | undefined {
  if (!asOf) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? new Date(`${asOf}T23:59:59.999Z`) : new Date(asOf);
}

export interface PositionsAt {
  list: PositionList;
  /** The unlicensed installs behind the figures, when they were computed for the date. */
  unlicensed?: UnlicensedPick[];
}

/** Whether a product is short of licences with no price to say what closing the gap costs. */
export const unpriced = (p: Pick<LicencePosition, 'shortfall' | 'shortfallCost'>) => p.shortfall > 0 && p.shortfallCost === null;

/** The estate's figures: the same sums on every screen and report that shows them. */
export function positionTotals(items: LicencePosition[]): PositionList['totals'] {
  const sum = (value: (p: LicencePosition) => number) => items.reduce((total, p) => total + value(p), 0);
  const gaps = items.filter(unpriced);
  return {
    products: items.length,
    productsShort: items.filter((p) => p.shortfall > 0).length,
    consumed: sum((p) => p.consumed),
    shortfall: sum((p) => p.shortfall),
    shortfallCost: Math.round(sum((p) => p.shortfallCost ?? 0) * 100) / 100,
    unlicensed: sum((p) => p.unlicensed),
    unpricedProducts: gaps.length,
    unpricedInstalls: gaps.reduce((total, p) => total + p.unlicensed, 0),
  };
}

/**
 * The positions as last computed: the moment of the data is the latest computation (now when there
 * is none), and the unlicensed installs are those it left.
 */
async function storedPositions(db: Database, q: { productId?: string; vendor?: string; shortfallOnly?: boolean }): Promise<PositionsAt> {
  const items = await listPositions(db, q);
  const latest = items.reduce((max, p) => (p.computedAt > max ? p.computedAt : max), '');
  const kept = new Set(items.map((p) => p.productId));
  const unlicensed = (await storedPicks(db)).filter((u) => kept.has(u.productId));
  return { list: { items, totals: positionTotals(items), asOf: latest || new Date().toISOString() }, unlicensed };
}

/**
 * The licence position now (as last computed) or as of a date: entitlements in force that day
 * against the installs first seen by then, computed afresh.
 */
export async function positionsAt(db: Database, q: { productId?: string; vendor?: string; shortfallOnly?: boolean; asOf?: string }): Promise<PositionsAt> {
  const at = asOfInstant(q.asOf);
  if (!at) return storedPositions(db, q);
  return db.transaction(async (tx) => {
    await withoutJit(tx);
    const settings = await readReconcileSettings(tx);
    const ids = q.productId ? [q.productId] : await productsInPlay(tx);
    const { figures } = await computePositions(tx, ids, at, settings.shelfwareAfterDays);
    const unlicensed = figures.length ? await readPicks(tx) : [];
    const products = new Map((await listProducts(tx)).map((p) => [p.id, p]));
    const computedAt = at.toISOString();
    const items = figures
      .map((f): LicencePosition => ({ ...f, publisher: products.get(f.productId)?.publisher ?? '', product: products.get(f.productId)?.name ?? f.productId, computedAt }))
      .filter((p) => (!q.vendor || p.publisher.toLowerCase() === q.vendor.toLowerCase()) && (!q.shortfallOnly || p.shortfall > 0))
      .sort((a, b) => (b.shortfallCost ?? -1) - (a.shortfallCost ?? -1) || b.shortfall - a.shortfall || a.publisher.localeCompare(b.publisher) || a.product.localeCompare(b.product));
    const kept = new Set(items.map((i) => i.productId));
    return { list: { items, totals: positionTotals(items), asOf: computedAt }, unlicensed: unlicensed.filter((u) => kept.has(u.productId)) };
  });
}

export async function positionsAsOf(db: Database, q: { productId?: string; vendor?: string; shortfallOnly?: boolean; asOf?: string }): Promise<PositionList> {
  return (await positionsAt(db, q)).list;
}
