import type { ReconcileReportKind } from '@steward/shared';
import { ApiProblem } from '../../services/errors.js';
import type { Database } from '../../store/database.js';
import { readOrganisation } from '../../store/organisation.js';
import { findingsForReport } from '../../store/reconcile/findings.js';
import { deviceReportDocument } from './device-report-document.js';
import { licenceReportData } from './licence-report-data.js';
import { licenceReportDocument } from './licence-report-document.js';
import { renderCsvTable, renderCsvZip, tableKeys } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';
import type { ReportDocument } from './report-table.js';

export const RECONCILE_REPORT_TITLES: Record<ReconcileReportKind, string> = {
  'license-reconciliation': 'Licence reconciliation report',
  'device-reconciliation': 'Device reconciliation report',
};

/** A reconciliation report as of a moment: the licence position then, or the findings now. */
export async function reconcileReportDocument(
  db: Database, kind: ReconcileReportKind, params: { groupBy?: 'product' | 'vendor' | 'department' }, asOf?: string,
): Promise<ReportDocument> {
  if (kind === 'license-reconciliation') {
    return licenceReportDocument(await licenceReportData(db, { asOf, groupBy: params.groupBy ?? 'product' }));
  }
  const [findings, organisation] = await Promise.all([findingsForReport(db), readOrganisation(db)]);
  return deviceReportDocument(findings, new Date(), organisation.name);
}

export interface RenderedReport {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/**
 * The report as a file: a PDF, a printable HTML page, one flat CSV table (`table`), or, for CSV
 * without a table, a zip of them all.
 */
export async function renderReconcileReport(doc: ReportDocument, format: 'csv' | 'pdf' | 'html', stem: string, table?: string): Promise<RenderedReport> {
  if (format === 'pdf') return { filename: `${stem}.pdf`, contentType: 'application/pdf', content: await renderPdf(doc) };
  if (format === 'html') return { filename: `${stem}.html`, contentType: 'text/html; charset=utf-8', content: renderHtml(doc) };
  if (!table) return { filename: `${stem}-csv.zip`, contentType: 'application/zip', content: renderCsvZip(doc, stem) };
  if (!tableKeys(doc).includes(table)) {
    throw new ApiProblem(400, 'invalid_query', `table: this report has no ${table} table (it has ${tableKeys(doc).join(', ')})`);
  }
  return { filename: `${stem}-${table}.csv`, contentType: 'text/csv; charset=utf-8', content: renderCsvTable(doc, table) };
}
