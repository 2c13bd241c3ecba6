import type { FastifyInstance } from 'fastify';
import { bulkAssetRequest } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { changeAssets } from '../../services/register/bulk.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';

/** One change to many assets: the list's bulk bar. Each action needs the permission of its single-asset form. */
export function bulkRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/register/assets/bulk', async (request) => {
    // Who asks is known before the body is read; what they may do depends on the action it names.
    await requirePermission(ctx, request, 'register:read');
    const body = validate(bulkAssetRequest, request.body, 'body');
    const checkout = body.action.type === 'checkout' || body.action.type === 'checkin';
    const user = await requirePermission(ctx, request, checkout ? 'register:checkout' : 'register:write');
    const answer = await changeAssets(ctx.db, user, body.ids, body.action);
    // One announcement for the lot: open lists refresh once, not once per asset.
    announce(ctx, 'asset', body.ids[0]!, `bulk:${body.action.type}`);
    return answer;
  });
}
