import type { FastifyInstance } from 'fastify';
import { bookValueQuery, bookValueSummaryQuery, replacementPlanQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { assetBookValue, bookValueSummary, replacementPlan, today } from '../../services/register/valuation.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { idParams } from './record-routes.js';

/** Depreciation: one asset's book value, totals by category or department, and the replacement plan. */
export function valuationRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/register/assets/:id/book-value', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    const { at } = validate(bookValueQuery, request.query, 'query');
    return assetBookValue(ctx.db, id, at ?? today());
  });

  app.get('/api/v1/register/book-value', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const query = validate(bookValueSummaryQuery, request.query, 'query');
    return bookValueSummary(ctx.db, query.at ?? today(), query.groupBy);
  });

  app.get('/api/v1/register/replacement-plan', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const query = validate(replacementPlanQuery, request.query, 'query');
    return replacementPlan(ctx.db, query.from ?? today(), query.months);
  });
}
