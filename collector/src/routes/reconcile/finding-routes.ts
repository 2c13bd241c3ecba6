import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findingAction, findingListQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { actOnFinding } from '../../reconcile/findings/finding-actions.js';
import { ApiProblem } from '../../services/errors.js';
import { getFinding, listFindings } from '../../store/reconcile/findings.js';
import { apiDoc } from '../openapi.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { actorFor } from './actor.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['findings'];

export function findingRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/findings', apiDoc({ tags, summary: 'Reconciliation findings: unregistered, missing, mismatched and ambiguous devices', querystring: findingListQuery }), async (request) => {
    await requirePermission(ctx, request, 'findings:read');
    return listFindings(ctx.db, validate(findingListQuery, request.query, 'query'));
  });

  app.get('/api/v1/findings/:id', apiDoc({ tags, summary: 'One finding', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'findings:read');
    const { id } = validate(idParams, request.params, 'path');
    const finding = await getFinding(ctx.db, id);
    if (!finding) throw new ApiProblem(404, 'not_found', `no finding with id ${id}`);
    return finding;
  });

  app.post('/api/v1/findings/:id/actions', apiDoc({ tags, summary: 'Acknowledge, dismiss (with a reason), reopen, link to an asset or register as a new asset', params: idParams, body: findingAction }), async (request) => {
    const actor = await actorFor(ctx, request, 'findings:write');
    const { id } = validate(idParams, request.params, 'path');
    const action = validate(findingAction, request.body, 'body');
    const finding = await actOnFinding(ctx.db, actor, id, action);
    // Every dashboard showing the queue follows at once; the change is committed whether or not this is heard.
    ctx.live.publish({ type: 'finding.changed', findingId: id, state: finding.state, action: action.action, at: new Date().toISOString() }).catch((error: unknown) => {
      ctx.log.warn({ err: (error as Error).message, findingId: id }, 'findings: could not announce a change');
    });
    return finding;
  });
}
