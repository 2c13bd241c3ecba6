import { reconcileReportKind, reportKind } from '@steward/shared';
import { reconcileReportDocument, renderReconcileReport } from '../reconcile/reports/reconcile-reports.js';
import type { Database } from '../store/database.js';
import { runReport } from './report-catalogue.js';
import { reportCsv, reportPdf } from './render-report.js';

export interface ReportAttachmentRequest {
  kind: string;
  params: Record<string, unknown>;
  format: 'csv' | 'pdf';
  /** The moment the report describes: when its run was due, not when the mail went out. */
  asOf: string;
}

/**
 * Renders the report an e-mail delivery names, as the file attached to it; a reconciliation
 * report's CSV is a zip of its flat tables.
 */
export async function renderReportAttachment(db: Database, request: ReportAttachmentRequest) {
  const stem = `${request.kind}-${request.asOf.slice(0, 10)}`;
  const reconcile = reconcileReportKind.safeParse(request.kind);
  if (reconcile.success) {
    const doc = await reconcileReportDocument(db, reconcile.data, request.params, request.asOf);
    const file = await renderReconcileReport(doc, request.format, stem);
    return [{ filename: file.filename, content: Buffer.from(file.content), contentType: file.contentType }];
  }
  const report = await runReport(db, reportKind.parse(request.kind), request.params, new Date(request.asOf));
  return request.format === 'csv'
    ? [{ filename: `${stem}.csv`, content: Buffer.from(reportCsv(report), 'utf8'), contentType: 'text/csv; charset=utf-8' }]
    : [{ filename: `${stem}.pdf`, content: await reportPdf(report), contentType: 'application/pdf' }];
}
