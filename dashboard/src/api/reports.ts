import { organisationSettings, reportScheduleRecord, type OrganisationSettings, type ReportKind, type ReportScheduleInput } from '@steward/shared';
import type { AnswerSchema, ApiClient, DownloadedFile } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import { noContent } from './no-content.js';

/** The answer to sending a scheduled report now: it is queued for the delivery worker. */
const queuedAnswer: AnswerSchema<{ queued: boolean }> = {
  parse: (data) => ({ queued: (data as { queued?: unknown } | null)?.queued === true }),
};

export type ReportFormat = 'csv' | 'pdf';
export type LicenceGrouping = 'product' | 'vendor' | 'department';

/** With CSV, `table` names the one flat table wanted; without it the collector sends a zip of every table. */
export function downloadLicenceReport(api: ApiClient, format: ReportFormat, asOf: string | undefined, groupBy: LicenceGrouping, table?: string): Promise<DownloadedFile> {
  return api.download('/api/v1/reports/license-reconciliation', { query: { format, asOf, groupBy, table: format === 'csv' ? table : undefined } });
}

export function downloadDeviceReport(api: ApiClient, format: ReportFormat): Promise<DownloadedFile> {
  return api.download('/api/v1/reports/device-reconciliation', { query: { format, table: format === 'csv' ? 'findings' : undefined } });
}

/** One of the register reports, with its parameters; empty ones take the collector's defaults. */
export function downloadRegisterReport(api: ApiClient, kind: ReportKind, format: ReportFormat, params: Record<string, string>): Promise<DownloadedFile> {
  const query = Object.fromEntries(Object.entries(params).filter(([, value]) => value.trim() !== ''));
  return api.download(`/api/v1/reports/${encodeURIComponent(kind)}`, { query: { ...query, format } });
}

const schedules = itemsAnswer(reportScheduleRecord);

export function fetchReportSchedules(api: ApiClient, signal?: AbortSignal) {
  return api.request(schedules, '/api/v1/report-schedules', { signal });
}

export function addReportSchedule(api: ApiClient, input: ReportScheduleInput) {
  return api.request(reportScheduleRecord, '/api/v1/report-schedules', { method: 'POST', body: input });
}

export function sendReportNow(api: ApiClient, id: string) {
  return api.request(queuedAnswer, `/api/v1/report-schedules/${encodeURIComponent(id)}/run`, { method: 'POST', body: {} });
}

export function deleteReportSchedule(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/report-schedules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The organisation's name printed on the compliance reports. */
export function fetchOrganisation(api: ApiClient, signal?: AbortSignal) {
  return api.request(organisationSettings, '/api/v1/settings/organisation', { signal });
}

export function saveOrganisation(api: ApiClient, value: OrganisationSettings) {
  return api.request(organisationSettings, '/api/v1/settings/organisation', { method: 'PUT', body: value });
}
