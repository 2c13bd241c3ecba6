import type { FastifyInstance } from 'fastify';
import { auditListQuery, type AuditEntry } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { verifyAuditChain } from '../services/audit.js';
import { toCsv } from '../services/csv.js';
import { countAuditRows, listAuditRows, type AuditRow } from '../store/audit.js';
import { requirePermission } from './auth.js';
import { validate } from './validate.js';

const CSV_COLUMNS: Array<{ header: string; value: (row: AuditRow) => unknown }> = [
  { header: 'id', value: (r) => r.id },
  { header: 'at', value: (r) => new Date(r.at).toISOString() },
  { header: 'actor', value: (r) => r.actor },
  { header: 'role', value: (r) => r.actor_role },
  { header: 'source_ip', value: (r) => r.source_ip },
  { header: 'action', value: (r) => r.action },
  { header: 'object_type', value: (r) => r.object_type },
  { header: 'object_id', value: (r) => r.object_id },
  { header: 'before', value: (r) => r.before },
  { header: 'after', value: (r) => r.after },
  { header: 'hash', value: (r) => r.hash },
];

export function auditRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/audit', async (request, reply) => {
    await requirePermission(ctx, request, 'audit:read');
    const query = validate(auditListQuery, request.query, 'query');
    const rows = await listAuditRows(ctx.db, query);
    if (query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-log.csv"').send(toCsv(rows, CSV_COLUMNS));
    }
    return { items: rows.map(auditEntryOf), total: await countAuditRows(ctx.db, query) };
  });

  app.get('/api/v1/audit/verify', async (request) => {
    await requirePermission(ctx, request, 'audit:read');
    return verifyAuditChain(ctx.db);
  });
}

function auditEntryOf(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id), at: new Date(r.at).toISOString(), actor: r.actor, actorRole: r.actor_role, sourceIp: r.source_ip,
    action: r.action, objectType: r.object_type, objectId: r.object_id, before: r.before, after: r.after, hash: r.hash,
  };
}
