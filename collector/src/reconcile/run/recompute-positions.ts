import type { Database, Queryable } from '../../store/database.js';
import { deleteIdlePositions, storePositions, storeUnlicensedPicks } from '../../store/reconcile/positions.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { withoutJit } from '../../store/reconcile/temp-table.js';
import { computePositions } from '../licence/compute-positions.js';

/** Recomputes and stores the positions of the products, inside the caller's transaction. */
export async function recomputePositionsIn(tx: Queryable, productIds: string[], at: Date, history: 'all' | 'changed'): Promise<void> {
  if (productIds.length === 0) return;
  await withoutJit(tx);
  const settings = await readReconcileSettings(tx);
  const products = [...new Set(productIds)].sort();
  const { figures } = await computePositions(tx, products, at, settings.shelfwareAfterDays);
  await storePositions(tx, figures, at, history);
  await storeUnlicensedPicks(tx, products);
  await deleteIdlePositions(tx, productIds);
}

/** Recomputes the licence position of the products now, writing history where the figures moved. */
export async function recomputePositions(db: Database, productIds: string[]): Promise<void> {
  await db.transaction((tx) => recomputePositionsIn(tx, productIds, new Date(), 'changed'));
}
