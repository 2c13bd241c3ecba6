import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { patchOf } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { changeRecord, createRecord, readRecord, removeRecord, type RecordHook } from '../../services/register/records.js';
import { listRecords, type ListQuery, type RecordTable } from '../../store/register/record-table.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';

export const idParams = z.object({ id: z.uuid() });

export interface RecordRoutes {
  /** Path under /api/v1/register, e.g. "vendors". */
  path: string;
  spec: RecordTable;
  input: z.ZodObject;
  listQuery: z.ZodType<ListQuery>;
  /** Work done with each create or update inside its transaction (e.g. a contract's asset links). */
  hook?: (body: Record<string, unknown>) => RecordHook | undefined;
}

/** List, read, create, change and delete for one register record type. */
export function recordRoutes(app: FastifyInstance, ctx: CollectorContext, r: RecordRoutes): void {
  const base = `/api/v1/register/${r.path}`;
  const patch = patchOf(r.input);

  app.get(base, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return listRecords(ctx.db, r.spec, validate(r.listQuery, request.query, 'query'));
  });

  app.get(`${base}/:id`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    return readRecord(ctx.db, r.spec, id);
  });

  app.post(base, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const body = validate(r.input, request.body, 'body') as Record<string, unknown>;
    const created = await createRecord<{ id: string }>(ctx.db, r.spec, user, body, r.hook?.(body));
    announce(ctx, r.spec.objectType, created.id, 'created');
    return reply.code(201).send(created);
  });

  app.patch(`${base}/:id`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const body = validate(patch, request.body, 'body') as Record<string, unknown>;
    const changed = await changeRecord(ctx.db, r.spec, user, id, body, r.hook?.(body));
    announce(ctx, r.spec.objectType, id, 'updated');
    return changed;
  });

  app.delete(`${base}/:id`, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    await removeRecord(ctx.db, r.spec, user, id);
    announce(ctx, r.spec.objectType, id, 'deleted');
    return reply.code(204).send();
  });
}
