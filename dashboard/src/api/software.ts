import { softwareHoldersAnswer, softwareSearchAnswer } from '@steward/shared';
import type { ApiClient } from './api-client.js';

/** Installed software across the estate: titles by name, and the devices holding one. */

export function searchSoftware(api: ApiClient, search: string, signal?: AbortSignal) {
  return api.request(softwareSearchAnswer, '/api/v1/software', { signal, query: { search, limit: 100 } });
}

export function fetchSoftwareHolders(api: ApiClient, title: { name: string; publisher: string | null }, signal?: AbortSignal) {
  return api.request(softwareHoldersAnswer, '/api/v1/software/devices', { signal, query: { name: title.name, publisher: title.publisher ?? '', limit: 500 } });
}
