import type { FastifyInstance, FastifyReply } from 'fastify';
import { deviceReportQuery, licenceReportQuery, organisationSettings } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { reconcileReportDocument, renderReconcileReport } from '../../reconcile/reports/reconcile-reports.js';
import type { ReportDocument } from '../../reconcile/reports/report-table.js';
import { recordAudit } from '../../services/audit.js';
import { readOrganisation, writeOrganisation } from '../../store/organisation.js';
import { apiDoc } from '../openapi.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { actorFor } from './actor.js';

const tags = ['reports'];

async function send(reply: FastifyReply, doc: ReportDocument, q: { format: 'csv' | 'pdf' | 'html'; table?: string }, name: string) {
  const file = await renderReconcileReport(doc, q.format, `${name}-${new Date().toISOString().slice(0, 10)}`, q.table);
  reply.header('cache-control', 'no-store').type(file.contentType);
  if (q.format === 'html') return reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(file.content);
  return reply.header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
}

export function reportRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/reports/license-reconciliation', apiDoc({ tags, summary: 'Licence reconciliation report as PDF, printable HTML, or CSV (one flat table, or a zip of them), as of a date', querystring: licenceReportQuery }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    const q = validate(licenceReportQuery, request.query, 'query');
    return send(reply, await reconcileReportDocument(ctx.db, 'license-reconciliation', { groupBy: q.groupBy }, q.asOf), q, 'licence-reconciliation');
  });

  app.get('/api/v1/reports/device-reconciliation', apiDoc({ tags, summary: 'Device reconciliation report: unregistered, missing and mismatched devices', querystring: deviceReportQuery }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    const q = validate(deviceReportQuery, request.query, 'query');
    return send(reply, await reconcileReportDocument(ctx.db, 'device-reconciliation', {}), q, 'device-reconciliation');
  });

  app.get('/api/v1/settings/organisation', apiDoc({ tags, summary: "The organisation's name, printed on the compliance reports" }), async (request) => {
    await requirePermission(ctx, request, 'reports:run');
    return readOrganisation(ctx.db);
  });

  app.put('/api/v1/settings/organisation', apiDoc({ tags, summary: "Set the organisation's name (empty leaves it off the reports)", body: organisationSettings }), async (request) => {
    const actor = await actorFor(ctx, request, 'settings:write');
    const value = validate(organisationSettings, request.body, 'body');
    const trimmed = { ...value, name: value.name.trim() };
    await ctx.db.transaction(async (tx) => {
      const before = await readOrganisation(tx);
      await writeOrganisation(tx, trimmed);
      await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'settings.organisation', objectType: 'settings', objectId: 'organisation', before, after: trimmed });
    });
    return trimmed;
  });
}
