import { describeIssues, reconcileReportKind, reconcileReportParams, type ReportKind, type ReportResult, type ScheduledReportKind } from '@steward/shared';
import type { z } from 'zod';
import { RECONCILE_REPORT_TITLES } from '../reconcile/reports/reconcile-reports.js';
import { ApiProblem } from '../services/errors.js';
import type { Queryable } from '../store/database.js';
import { cisCoverageReport } from './cis-coverage-report.js';
import { depreciationReport } from './depreciation-report.js';
import { maintenanceCostReport } from './maintenance-cost-report.js';
import type { ReportDefinition } from './report-definition.js';
import { renewalsReport } from './renewals-report.js';
import { replacementReport } from './replacement-report.js';
import { utilisationReport } from './utilisation-report.js';

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  utilisation: utilisationReport,
  'maintenance-costs': maintenanceCostReport,
  renewals: renewalsReport,
  depreciation: depreciationReport,
  'replacement-plan': replacementReport,
  'cis-coverage': cisCoverageReport,
};

function checked(schema: z.ZodType, raw: unknown): Record<string, unknown> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = describeIssues(parsed.error);
  throw new ApiProblem(400, 'invalid_query', `invalid report parameters: ${issues.slice(0, 3).join('; ')}`, issues);
}

/** Checks a report's parameters (as a query string or a stored schedule gives them), answering 400 with every bad field. */
export function reportParamsOf(kind: ScheduledReportKind, raw: unknown): Record<string, unknown> {
  const reconcile = reconcileReportKind.safeParse(kind);
  return checked(reconcile.success ? reconcileReportParams[reconcile.data] : REPORTS[kind as ReportKind].params, raw);
}

export function reportTitle(kind: ScheduledReportKind): string {
  const reconcile = reconcileReportKind.safeParse(kind);
  return reconcile.success ? RECONCILE_REPORT_TITLES[reconcile.data] : REPORTS[kind as ReportKind].title;
}

export async function runReport(db: Queryable, kind: ReportKind, raw: unknown, now = new Date()): Promise<ReportResult> {
  const params = reportParamsOf(kind, raw);
  const definition = REPORTS[kind];
  const body = await definition.build(db, params, now);
  return { kind, title: definition.title, generatedAt: now.toISOString(), params, ...body };
}
