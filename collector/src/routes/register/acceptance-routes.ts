import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptanceAnswer, acceptanceLookup } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { answerAcceptanceRequest, readAcceptanceRequest } from '../../services/register/acceptance.js';
import { resendAcceptanceLink } from '../../services/register/acceptance-link.js';
import { listSightings } from '../../store/register/sightings.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';
import { idParams } from './record-routes.js';

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const sightingQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(20) });

/**
 * A person's answer to a check-out they were asked to accept, given through a link without signing
 * in: the link's token is the only credential, sent in the body so that no address holds it.
 * Also where an asset was last seen, and a new link for an administrator to hand on.
 */
export function acceptanceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  // Guessing a token is hopeless (192 bits), but the answer pages are held to the sign-in's pace all the same.
  const paced = { config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } } };

  app.post('/api/v1/acceptance', paced, async (request) => {
    return readAcceptanceRequest(ctx.db, validate(acceptanceLookup, request.body, 'body').token);
  });

  app.post('/api/v1/acceptance/answer', paced, async (request) => {
    const { shown, assetId } = await answerAcceptanceRequest(ctx.db, validate(acceptanceAnswer, request.body, 'body'), request.ip);
    announce(ctx, 'asset', assetId, `checkout_${shown.state}`);
    return shown;
  });

  app.post('/api/v1/register/assignments/:id/acceptance', async (request) => {
    const user = await requirePermission(ctx, request, 'register:checkout');
    const { id } = validate(idParams, request.params, 'path');
    return resendAcceptanceLink(ctx, user, id, originOf(request));
  });

  app.get('/api/v1/register/assets/:id/sightings', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    return { items: await listSightings(ctx.db, id, validate(sightingQuery, request.query, 'query').limit) };
  });
}
