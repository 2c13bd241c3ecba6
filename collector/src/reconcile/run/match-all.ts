import type { Database } from '../../store/database.js';
import { refreshFindings } from '../../store/reconcile/findings.js';
import { matchDevices } from '../../store/reconcile/identity.js';
import { productsInPlay } from '../../store/reconcile/installs.js';
import { queueProducts } from '../../store/reconcile/queue.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { withoutJit } from '../../store/reconcile/temp-table.js';
import { junkIdentifiers } from '../identity/junk-identifiers.js';

/**
 * Matches every device to the register again and refreshes the findings, without touching
 * software: what a register change (a new asset, an assignment, a status) needs. Positions depend
 * on assignees and departments, so every product is queued.
 */
export async function rematchAll(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await withoutJit(tx);
    const settings = await readReconcileSettings(tx);
    await matchDevices(tx, null, settings.identityKeys);
    await refreshFindings(tx, null, [], junkIdentifiers(), new Date());
    await queueProducts(tx, await productsInPlay(tx));
  });
}
