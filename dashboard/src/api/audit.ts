import { auditList, auditVerdict } from '@steward/shared';
import type { ApiClient, DownloadedFile } from './api-client.js';

/** The filters of the audit log screen; empty ones are left out of the query. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  objectType?: string;
  from?: string;
  to?: string;
}

export function fetchAuditLog(api: ApiClient, filters: AuditFilters, page: { limit: number; offset: number }, signal?: AbortSignal) {
  return api.request(auditList, '/api/v1/audit', { signal, query: { ...filters, ...page, order: 'newest' } });
}

/** Everything the filters find, oldest first as an auditor reads a period, as CSV. */
export function downloadAuditLog(api: ApiClient, filters: AuditFilters): Promise<DownloadedFile> {
  return api.download('/api/v1/audit', { query: { ...filters, format: 'csv', order: 'oldest', limit: 10_000 } });
}

export function verifyAuditLog(api: ApiClient) {
  return api.request(auditVerdict, '/api/v1/audit/verify');
}
