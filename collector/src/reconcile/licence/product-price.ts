import type { LicencePosition, productPriceInput } from '@steward/shared';
import type { z } from 'zod';
import { recordAudit } from '../../services/audit.js';
import { ApiProblem } from '../../services/errors.js';
import type { Database } from '../../store/database.js';
import { readProductPrice, writeProductPrice } from '../../store/reconcile/catalogue.js';
import { listPositions } from '../../store/reconcile/positions.js';
import type { Actor } from '../entitlements/entitlement-service.js';
import { recomputePositionsIn } from '../run/recompute-positions.js';

/**
 * Prices a product's shortfall from its position: the catalogue's list price (kept in EUR) or the
 * organisation's own. The change is audited and the position recomputed in the same transaction,
 * so the answer is the product's position with its new cost.
 */
export async function setProductPrice(db: Database, actor: Actor, productId: string, input: z.infer<typeof productPriceInput>): Promise<LicencePosition | null> {
  if (input.source === 'list' && input.currency !== 'EUR') {
    throw new ApiProblem(400, 'invalid_body', "currency: the catalogue's list prices are in EUR; set the organisation's own price for another currency");
  }
  return db.transaction(async (tx) => {
    const before = await readProductPrice(tx, productId);
    if (!before) throw new ApiProblem(404, 'not_found', `no catalogue product ${productId}`);
    await writeProductPrice(tx, productId, input.source, input.price, input.currency);
    const after = await readProductPrice(tx, productId);
    await recordAudit(tx, {
      actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'catalogue.product.price',
      objectType: 'catalogue-product', objectId: productId, before, after,
    });
    await recomputePositionsIn(tx, [productId], new Date(), 'changed');
    return (await listPositions(tx, { productId }))[0] ?? null;
  });
}
