import { networkDeviceDetail, networkDeviceList, sweepView, type SweepView } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';

export function fetchNetworkDevices(api: ApiClient, query: { search?: string; limit: number; offset: number }, signal?: AbortSignal) {
  return api.request(networkDeviceList, '/api/v1/network/devices', { signal, query: { ...query } });
}

export function startSweep(api: ApiClient, include: string[], exclude: string[]): Promise<SweepView> {
  return api.request(sweepView, '/api/v1/network/sweeps', { method: 'POST', body: { include, exclude } });
}

export function fetchSweep(api: ApiClient, id: string, signal?: AbortSignal): Promise<SweepView> {
  return api.request(sweepView, `/api/v1/network/sweeps/${encodeURIComponent(id)}`, { signal });
}

const sweepSummaries = itemsAnswer(sweepView.omit({ results: true }));

/** The latest sweeps, which hold the ranges discovery has been asked to cover. */
export function fetchSweeps(api: ApiClient, signal?: AbortSignal) {
  return api.request(sweepSummaries, '/api/v1/network/sweeps', { signal, query: { limit: 20 } });
}

export function fetchNetworkDevice(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(networkDeviceDetail, `/api/v1/network/devices/${encodeURIComponent(id)}`, { signal });
}
