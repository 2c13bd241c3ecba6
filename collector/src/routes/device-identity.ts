import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceMergeInput, identityReviewState, keepApartInput } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { acceptClaim, keepDevicesApart, mergeDevices, unmergeDevices } from '../identity/merge-devices.js';
import { listMerges } from '../store/identity/merges.js';
import { listReviews } from '../store/identity/reviews.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { actorFor } from './reconcile/actor.js';
import { validate } from './validate.js';

const tags = ['devices'];
const idParams = z.object({ id: z.uuid() });
const reviewQuery = z.object({ state: identityReviewState.optional(), deviceId: z.uuid().optional() });
const mergeQuery = z.object({ deviceId: z.uuid().optional() });

/** One machine, one device: the questions the identity rules ask, and a person's answers (merge, un-merge, keep apart, accept). */
export function deviceIdentityRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/devices/identity-reviews', apiDoc({ tags, summary: 'Possible duplicates and claimed identities, with the evidence and rule behind each', querystring: reviewQuery }), async (request) => {
    await requirePermission(ctx, request, 'findings:read');
    return { items: await listReviews(ctx.db, validate(reviewQuery, request.query, 'query')) };
  });

  app.post('/api/v1/devices/identity-reviews/:id/accept', apiDoc({ tags, summary: 'Confirm that the agent which presented a registered machine\'s identity is that machine\'s', params: idParams }), async (request) => {
    const actor = await actorFor(ctx, request, 'findings:write');
    const { id } = validate(idParams, request.params, 'path');
    await acceptClaim(ctx.db, actor, id);
    return { accepted: true };
  });

  app.get('/api/v1/devices/merges', apiDoc({ tags, summary: 'Merges of devices, in force and undone', querystring: mergeQuery }), async (request) => {
    await requirePermission(ctx, request, 'devices:read');
    return { items: await listMerges(ctx.db, validate(mergeQuery, request.query, 'query').deviceId) };
  });

  app.post('/api/v1/devices/merges', apiDoc({ tags, summary: 'Merge one device into another: one machine seen twice', body: deviceMergeInput }), async (request, reply) => {
    const actor = await actorFor(ctx, request, 'findings:write');
    const merge = await mergeDevices(ctx.db, actor, validate(deviceMergeInput, request.body, 'body'));
    return reply.code(201).send(merge);
  });

  app.post('/api/v1/devices/merges/:id/unmerge', apiDoc({ tags, summary: 'Undo a merge: both devices come back with all they held', params: idParams }), async (request) => {
    const actor = await actorFor(ctx, request, 'findings:write');
    const { id } = validate(idParams, request.params, 'path');
    return unmergeDevices(ctx.db, actor, id);
  });

  app.post('/api/v1/devices/keep-apart', apiDoc({ tags, summary: 'Keep two devices apart: they are separate machines', body: keepApartInput }), async (request) => {
    const actor = await actorFor(ctx, request, 'findings:write');
    await keepDevicesApart(ctx.db, actor, validate(keepApartInput, request.body, 'body'));
    return { keptApart: true };
  });
}
