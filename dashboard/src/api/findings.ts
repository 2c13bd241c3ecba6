import {
  finding, findingList, type Finding, type FindingAction, type FindingState, type FindingType,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';

export interface FindingsQuery {
  type?: FindingType;
  state?: FindingState;
  deviceId?: string;
  limit: number;
  offset: number;
}

export function fetchFindings(api: ApiClient, query: FindingsQuery, signal?: AbortSignal) {
  return api.request(findingList, '/api/v1/findings', { signal, query: { ...query } });
}

/** Answers the finding as it stands after the action: registering or linking usually resolves it. */
export function actOnFinding(api: ApiClient, id: string, action: FindingAction): Promise<Finding> {
  return api.request(finding, `/api/v1/findings/${encodeURIComponent(id)}/actions`, { method: 'POST', body: action });
}
