import { serviceTokenCreated, serviceTokenRecord, type ServiceTokenInput } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import { noContent } from './no-content.js';

/** Tokens for systems that call the collector: a helpdesk's asset lookup, a Prometheus scraper. */

const tokens = itemsAnswer(serviceTokenRecord);

export function fetchServiceTokens(api: ApiClient, signal?: AbortSignal) {
  return api.request(tokens, '/api/v1/service-tokens', { signal });
}

export function makeServiceToken(api: ApiClient, input: ServiceTokenInput) {
  return api.request(serviceTokenCreated, '/api/v1/service-tokens', { method: 'POST', body: input });
}

export function revokeServiceToken(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/service-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
