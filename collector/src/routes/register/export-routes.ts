import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportList } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { exportCsv, exportQuerySchema } from '../../services/register/csv-export.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

const exportParams = z.object({ list: exportList });

/** Any register list as CSV, with the same search, filters and order as the list itself. */
export function exportRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/register/export/:list', async (request, reply) => {
    await requirePermission(ctx, request, 'register:read');
    const { list } = validate(exportParams, request.params, 'path');
    const query = validate(exportQuerySchema(list), request.query, 'query');
    const csv = await exportCsv(ctx.db, list, query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="steward-${list}-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
}
