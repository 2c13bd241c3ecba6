import { reportKind } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import { runReport } from './report-catalogue.js';
import { reportCsv, reportPdf } from './render-report.js';

export interface ReportAttachmentRequest {
  kind: string;
  params: Record<string, unknown>;
  format: 'csv' | 'pdf';
  /** The moment the report describes: when its run was due, not when the mail went out. */
  asOf: string;
}

/** Renders the report an e-mail delivery names, as the file attached to it. */
export async function renderReportAttachment(db: Queryable, request: ReportAttachmentRequest) {
  const report = await runReport(db, reportKind.parse(request.kind), request.params, new Date(request.asOf));
  const stem = `${request.kind}-${request.asOf.slice(0, 10)}`;
  return request.format === 'csv'
    ? [{ filename: `${stem}.csv`, content: Buffer.from(reportCsv(report), 'utf8'), contentType: 'text/csv; charset=utf-8' }]
    : [{ filename: `${stem}.pdf`, content: await reportPdf(report), contentType: 'application/pdf' }];
}
