import type { FastifyInstance } from 'fastify';
import { LABEL_SHEET_LIMITS, labelRequest, type Asset } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { ApiProblem } from '../../services/errors.js';
import { renderLabels } from '../../services/register/labels.js';
import { assetsTable } from '../../store/register/asset-tables.js';
import { getRecords } from '../../store/register/record-table.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

/** Printable labels for a selection of assets, as PDF. */
export function labelRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/register/labels', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:read');
    const body = validate(labelRequest, request.body, 'body');
    const limit = LABEL_SHEET_LIMITS[user.role];
    if (body.assetIds.length > limit) {
      throw new ApiProblem(403, 'label_limit', `assetIds: your role (${user.role}) may print at most ${limit} labels on one sheet; ${body.assetIds.length} were asked for`);
    }
    const assets = await getRecords<Asset>(ctx.db, assetsTable, body.assetIds);
    const byId = new Map(assets.map((a) => [a.id, a]));
    const missing = body.assetIds.filter((id) => !byId.has(id));
    if (missing.length) throw new ApiProblem(400, 'unknown_assets', `assetIds: ${missing.length} ids are not in the register`, missing.slice(0, 20).map((id) => `assetIds: no asset ${id}`));
    // Labels come out in the order asked for, which is the order they were selected in.
    const pdf = await renderLabels(body.assetIds.map((id) => byId.get(id)!), body.layout, body.heading);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="labels-${body.layout}.pdf"`).send(pdf);
  });
}
