import { backupRun, backupStatus } from '@steward/shared';
import type { ApiClient } from './api-client.js';

export function fetchBackups(api: ApiClient, signal?: AbortSignal) {
  return api.request(backupStatus, '/api/v1/backups', { signal });
}

/** Writes a backup now; a failed one answers 500 with the run, which the client raises as an error. */
export function backupNow(api: ApiClient) {
  return api.request(backupRun, '/api/v1/backups', { method: 'POST', body: {} });
}
