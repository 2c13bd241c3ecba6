import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sweepRequest } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { ApiProblem } from '../../services/errors.js';
import { networkRuntimeOf } from '../../services/network/network-runtime.js';
import { getSweep, listSweeps } from '../../store/network/sweeps.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';
import { actorOf } from './actor.js';

const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** Discovery sweeps: started in the background, followed by polling their record. */
export function sweepRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/network/sweeps', apiDoc({ tags: ['network'], summary: 'Start a discovery sweep in the background; answered at once with its record', body: sweepRequest }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const body = validate(sweepRequest, request.body, 'sweep');
    const view = await networkRuntimeOf(ctx).sweeps.start(actorOf(user, request), body);
    return reply.code(202).header('location', `/api/v1/network/sweeps/${view.id}`).send(view);
  });

  app.get('/api/v1/network/sweeps', apiDoc({ tags: ['network'], summary: 'The latest sweeps, without their results', querystring: listQuery }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { limit } = validate(listQuery, request.query, 'query');
    return { items: await listSweeps(ctx.db, limit) };
  });

  app.get('/api/v1/network/sweeps/:id', apiDoc({ tags: ['network'], summary: 'A sweep with its progress and the addresses that answered', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const view = await getSweep(ctx.db, id);
    if (!view) throw new ApiProblem(404, 'not_found', `no sweep with id ${id}`);
    return view;
  });

  app.post('/api/v1/network/sweeps/:id/cancel', apiDoc({ tags: ['network'], summary: 'Cancel a running sweep', params: idParams }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    return networkRuntimeOf(ctx).sweeps.cancel(actorOf(user, request), id);
  });
}
