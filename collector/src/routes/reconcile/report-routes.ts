import type { FastifyInstance, FastifyReply } from 'fastify';
import { deviceReportQuery, licenceReportQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { deviceReportDocument } from '../../reconcile/reports/device-report-document.js';
import { licenceReportData } from '../../reconcile/reports/licence-report-data.js';
import { licenceReportDocument } from '../../reconcile/reports/licence-report-document.js';
import { renderCsv } from '../../reconcile/reports/render-csv.js';
import { renderHtml } from '../../reconcile/reports/render-html.js';
import { renderPdf } from '../../reconcile/reports/render-pdf.js';
import type { ReportDocument } from '../../reconcile/reports/report-table.js';
import { linksForReport } from '../../store/reconcile/asset-links.js';
import { findingsForReport } from '../../store/reconcile/findings.js';
import { apiDoc } from '../openapi.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';

const tags = ['reports'];

async function send(reply: FastifyReply, doc: ReportDocument, format: 'csv' | 'pdf' | 'html', name: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  reply.header('cache-control', 'no-store');
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`).send(`\uFEFF${renderCsv(doc)}`);
  }
  if (format === 'pdf') {
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}-${stamp}.pdf"`).send(await renderPdf(doc));
  }
  return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(renderHtml(doc));
}

export function reportRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/reports/license-reconciliation', apiDoc({ tags, summary: 'Licence reconciliation report as CSV, PDF or printable HTML, as of a date', querystring: licenceReportQuery }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    const q = validate(licenceReportQuery, request.query, 'query');
    const data = await licenceReportData(ctx.db, { asOf: q.asOf, groupBy: q.groupBy });
    return send(reply, licenceReportDocument(data), q.format, 'licence-reconciliation');
  });

  app.get('/api/v1/reports/device-reconciliation', apiDoc({ tags, summary: 'Device reconciliation report: unregistered, missing and mismatched devices', querystring: deviceReportQuery }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    const q = validate(deviceReportQuery, request.query, 'query');
    return send(reply, deviceReportDocument(await findingsForReport(ctx.db), new Date(), await linksForReport(ctx.db)), q.format, 'device-reconciliation');
  });
}
