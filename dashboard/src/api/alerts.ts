import { alertRecord, type AlertRecord, type AlertState } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';

const alerts = itemsAnswer(alertRecord);

/** `state` and `severity` take one value or several joined by commas. */
export function fetchAlerts(api: ApiClient, query: { state?: AlertState | string; severity?: string; hideSnoozed?: 'true'; limit: number; offset: number }, signal?: AbortSignal) {
  return api.request(alerts, '/api/v1/alerts', { signal, query: { ...query } });
}

export function acknowledgeAlert(api: ApiClient, id: string): Promise<AlertRecord> {
  return api.request(alertRecord, `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: {} });
}

export function snoozeAlert(api: ApiClient, id: string, minutes: number): Promise<AlertRecord> {
  return api.request(alertRecord, `/api/v1/alerts/${encodeURIComponent(id)}/snooze`, { method: 'POST', body: { minutes } });
}
