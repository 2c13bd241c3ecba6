import type { FastifyInstance } from 'fastify';
import { mergeQuery, mergeRequest } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { mergeRecord, previewMerge } from '../../services/register/merge.js';
import type { RecordTable } from '../../store/register/record-table.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';
import { idParams } from './record-routes.js';

/**
 * Merging a duplicate reference record into the one that stays: a preview of what moves (and why
 * it cannot, when it cannot), then the merge itself.
 */
export function mergeRoutes(app: FastifyInstance, ctx: CollectorContext, path: string, spec: RecordTable): void {
  const base = `/api/v1/register/${path}/:id/merge`;

  app.get(base, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    const { intoId } = validate(mergeQuery, request.query, 'query');
    return previewMerge(ctx.db, spec, id, intoId);
  });

  app.post(base, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const { intoId } = validate(mergeRequest, request.body, 'body');
    const merged = await mergeRecord(ctx.db, spec, user, id, intoId);
    announce(ctx, spec.objectType, id, 'deleted');
    announce(ctx, spec.objectType, intoId, 'updated');
    return merged;
  });
}
