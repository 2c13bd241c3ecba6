import { entitlement, positionList, triageList, unlicensedInstall } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';

const entitlements = itemsAnswer(entitlement);
const unlicensed = itemsAnswer(unlicensedInstall);

export function fetchPositions(api: ApiClient, signal?: AbortSignal) {
  return api.request(positionList, '/api/v1/licenses/position', { signal });
}

export function fetchUnlicensed(api: ApiClient, productId: string, signal?: AbortSignal) {
  return api.request(unlicensed, '/api/v1/licenses/unlicensed', { signal, query: { productId, limit: 200 } });
}

export function fetchEntitlements(api: ApiClient, signal?: AbortSignal) {
  return api.request(entitlements, '/api/v1/licenses/entitlements', { signal, query: { limit: 200 } });
}

export function fetchTriage(api: ApiClient, signal?: AbortSignal) {
  return api.request(triageList, '/api/v1/software/triage', { signal, query: { limit: 100 } });
}
