import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditCloseRequest, auditRoundInput, auditScanInput, pageQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { auditResult, closeAudit, scanTag, startAudit } from '../../services/register/audits.js';
import { auditRoundsTable } from '../../store/register/audits.js';
import { listRecords } from '../../store/register/record-table.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { idParams } from './record-routes.js';

const roundListQuery = pageQuery.extend({
  sort: z.enum(['startedAt']).default('startedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** Physical audit rounds: start one for a location, scan tags, read the three lists, close it. */
export function auditRoundRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const base = '/api/v1/register/audits';

  app.get(base, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return listRecords(ctx.db, auditRoundsTable, validate(roundListQuery, request.query, 'query'));
  });

  app.post(base, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    reply.code(201);
    return startAudit(ctx.db, user, validate(auditRoundInput, request.body, 'body'));
  });

  app.get(`${base}/:id`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return auditResult(ctx.db, validate(idParams, request.params, 'path').id);
  });

  app.post(`${base}/:id/scans`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    return scanTag(ctx.db, user, id, validate(auditScanInput, request.body, 'body'));
  });

  app.post(`${base}/:id/close`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    return closeAudit(ctx.db, user, id, validate(auditCloseRequest, request.body ?? {}, 'body').relocateFound);
  });
}
