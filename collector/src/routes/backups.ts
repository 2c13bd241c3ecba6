import type { FastifyInstance } from 'fastify';
import type { CollectorContext } from '../context.js';
import { backupStatus, runBackup } from '../services/scheduled-backup.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';

const tags = ['backups'];

export function backupRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/backups', apiDoc({ tags, summary: 'Scheduled backups: interval, last run, next due time and the files kept' }), async (request) => {
    await requirePermission(ctx, request, 'settings:write');
    return backupStatus(ctx);
  });

  app.post('/api/v1/backups', apiDoc({ tags, summary: 'Write a backup into the backup folder now' }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'settings:write');
    const run = await runBackup(ctx, 'manual', { username: user.username, role: user.role });
    return reply.code(run.ok ? 201 : 500).send(run);
  });
}
