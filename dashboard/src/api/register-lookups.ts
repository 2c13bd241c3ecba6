import { asset, categoryRecord, listAnswer } from '@steward/shared';
import type { ApiClient } from './api-client.js';

const categories = listAnswer(categoryRecord);
const assets = listAnswer(asset);

export function fetchCategories(api: ApiClient, signal?: AbortSignal) {
  return api.request(categories, '/api/v1/register/categories', { signal, query: { limit: 500, sort: 'name' } });
}

export function searchAssets(api: ApiClient, search: string, signal?: AbortSignal) {
  return api.request(assets, '/api/v1/register/assets', { signal, query: { search: search || undefined, limit: 20 } });
}
