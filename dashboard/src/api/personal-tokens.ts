import { personalTokenCreated, personalTokenList, type PersonalTokenInput } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { noContent } from './no-content.js';

/** The signed-in person's own API tokens, for their scripts. */

export function fetchPersonalTokens(api: ApiClient, signal?: AbortSignal) {
  return api.request(personalTokenList, '/api/v1/me/tokens', { signal });
}

export function makePersonalToken(api: ApiClient, input: PersonalTokenInput) {
  return api.request(personalTokenCreated, '/api/v1/me/tokens', { method: 'POST', body: input });
}

export function revokePersonalToken(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
