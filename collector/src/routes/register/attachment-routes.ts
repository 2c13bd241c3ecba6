import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, attachmentUpload } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { readAsset } from '../../services/register/assets.js';
import { attachedFile, attachFile, removeFile } from '../../services/register/attachments.js';
import { listAttachments } from '../../store/register/attachments.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';
import { idParams } from './record-routes.js';

const base = '/api/v1/register/assets/:id/attachments';
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
/** Base64 grows a file by a third; the JSON around it is small. */
const UPLOAD_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES * 4 / 3) + 64 * 1024;

/** Files kept with an asset: list, upload (JSON with base64 content), download and remove. */
export function attachmentRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get(base, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    await readAsset(ctx.db, id);
    return { items: await listAttachments(ctx.db, id) };
  });

  app.post(base, { bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const stored = await attachFile(ctx.db, user, id, validate(attachmentUpload, request.body, 'body'));
    announce(ctx, 'asset', id, 'updated');
    return reply.code(201).send(stored);
  });

  app.get(`${base}/:fileId`, async (request, reply) => {
    await requirePermission(ctx, request, 'register:read');
    const { id, fileId } = validate(fileParams, request.params, 'path');
    const { attachment, content } = await attachedFile(ctx.db, id, fileId);
    const asciiName = attachment.fileName.replace(/[^\x20-\x7e]|"/g, '_');
    return reply.header('content-type', attachment.mediaType)
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });

  app.delete(`${base}/:fileId`, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id, fileId } = validate(fileParams, request.params, 'path');
    await removeFile(ctx.db, user, id, fileId);
    announce(ctx, 'asset', id, 'updated');
    return reply.code(204).send();
  });
}
