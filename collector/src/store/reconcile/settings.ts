import { reconcileSettings, type ReconcileSettings } from '@steward/shared';
import type { Queryable } from '../database.js';
import { readSettingOf, writeSetting } from '../settings.js';

const KEY = 'reconcile.settings';

/** The reconciliation settings, with defaults for whatever was never set. */
export const readReconcileSettings = (db: Queryable): Promise<ReconcileSettings> => readSettingOf(db, KEY, reconcileSettings);

export const writeReconcileSettings = (db: Queryable, value: ReconcileSettings): Promise<void> => writeSetting(db, KEY, value);
