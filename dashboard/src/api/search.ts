import { globalSearchAnswer } from '@steward/shared';
import type { ApiClient } from './api-client.js';

/** Devices, assets, people and software titles matching a text, each kind the role may read. */
export function globalSearch(api: ApiClient, q: string, signal?: AbortSignal) {
  return api.request(globalSearchAnswer, '/api/v1/search', { signal, query: { q, limit: 6 } });
}
