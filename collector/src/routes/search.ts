import type { FastifyInstance } from 'fastify';
import { globalSearchAnswer, globalSearchQuery, roleAllows, type GlobalSearchAnswer } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { searchAssets, searchDevices, searchPeople, searchSoftwareTitles } from '../store/search/global-search.js';
import { requireUser } from './auth.js';
import { apiDoc } from './openapi.js';
import { validate } from './validate.js';

/** The top bar's search: every kind the caller's role may read, each kind searched at once. */
export function searchRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/search', apiDoc({ tags: ['search'], summary: 'Devices (host name, serial, MAC, IP, linked asset), assets, people and software titles matching a text', querystring: globalSearchQuery }), async (request) => {
    const user = await requireUser(ctx, request);
    const { q, limit } = validate(globalSearchQuery, request.query, 'query');
    const devices = roleAllows(user.role, 'devices:read');
    const register = roleAllows(user.role, 'register:read');
    const [deviceHits, assets, people, software] = await Promise.all([
      devices ? searchDevices(ctx.db, q, limit) : undefined,
      register ? searchAssets(ctx.db, q, limit) : undefined,
      register ? searchPeople(ctx.db, q, limit) : undefined,
      devices ? searchSoftwareTitles(ctx.db, q, limit) : undefined,
    ]);
    const answer: GlobalSearchAnswer = { devices: deviceHits, assets, people, software };
    return globalSearchAnswer.parse(answer);
  });
}
