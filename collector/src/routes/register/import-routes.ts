import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { importCommitRequest, importUpload, type ImportField } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { commitImport, discardImport } from '../../services/register/csv-import/commit.js';
import { previewImport, readImportPreview } from '../../services/register/csv-import/preview.js';
import { decodeCsv } from '../../services/register/csv-import/read-csv.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';
import { idParams } from './record-routes.js';

const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const fileNameQuery = z.object({ fileName: z.string().max(256).optional() });

/**
 * CSV import in two steps: upload for a preview that changes nothing, then commit (or discard).
 * The file comes as text/csv, or as JSON {csv, fileName}.
 */
export function importRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'text/plain', 'application/csv'], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => {
      done(null, decodeCsv(body as Buffer));
    });

    scope.post('/api/v1/register/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
      const user = await requirePermission(ctx, request, 'register:write');
      const upload: { csv: string; fileName?: string; columns?: Record<string, ImportField | ''> } = typeof request.body === 'string'
        ? { csv: request.body, fileName: validate(fileNameQuery, request.query, 'query').fileName }
        : validate(importUpload, request.body, 'body');
      reply.code(201);
      return previewImport(ctx.db, user, decodeCsv(upload.csv), upload.fileName ?? null, upload.columns);
    });
  });

  app.get('/api/v1/register/import/:id', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return readImportPreview(ctx.db, validate(idParams, request.params, 'path').id);
  });

  app.post('/api/v1/register/import/:id/commit', async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const { acceptValidRows } = validate(importCommitRequest, request.body ?? {}, 'body');
    const answer = await commitImport(ctx.db, user, id, acceptValidRows);
    announce(ctx, 'asset', id, 'imported');
    return answer;
  });

  app.delete('/api/v1/register/import/:id', async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    await discardImport(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
}
