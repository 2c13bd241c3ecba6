import type { Database, Queryable } from '../../store/database.js';
import { deleteIdlePositions, storePositions } from '../../store/reconcile/positions.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { computePositions } from '../licence/compute-positions.js';

/** Recomputes and stores the positions of the products, inside the caller's transaction. */
export async function recomputePositionsIn(tx: Queryable, productIds: string[], at: Date, history: 'all' | 'changed'): Promise<void> {
  if (productIds.length === 0) return;
  const settings = await readReconcileSettings(tx);
  const { figures, unlicensed } = await computePositions(tx, [...new Set(productIds)].sort(), at, settings.shelfwareAfterDays);
  await storePositions(tx, figures, unlicensed, at, history);
  await deleteIdlePositions(tx, productIds);
}

/** Recomputes the licence position of the products now, writing history where the figures moved. */
export async function recomputePositions(db: Database, productIds: string[]): Promise<void> {
  await db.transaction((tx) => recomputePositionsIn(tx, productIds, new Date(), 'changed'));
}
