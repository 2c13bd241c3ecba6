import type { FastifyInstance } from 'fastify';
import { registerSettings } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { changeRegisterSettings } from '../../services/register/register-settings.js';
import { currentRegisterSettings } from '../../services/register/tags.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

export function settingsRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/register/settings', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return currentRegisterSettings(ctx.db);
  });

  app.put('/api/v1/register/settings', async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    return changeRegisterSettings(ctx.db, user, validate(registerSettings, request.body, 'body'));
  });
}
