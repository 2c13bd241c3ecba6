import {
  asset, assetStatus, importCommitAnswer, importPreview, listAnswer, personRecord,
  type Asset, type AssetStatus, type LabelLayout,
} from '@steward/shared';
import type { ApiClient, DownloadedFile } from './api-client.js';

const assets = listAnswer(asset);
const people = listAnswer(personRecord);

export const ASSET_STATUSES: readonly AssetStatus[] = assetStatus.options;

export interface AssetsQuery {
  search?: string;
  status?: AssetStatus;
  deviceId?: string;
  assignedPersonId?: string;
  limit: number;
  offset: number;
}

export function fetchAssets(api: ApiClient, query: AssetsQuery, signal?: AbortSignal) {
  return api.request(assets, '/api/v1/register/assets', { signal, query: { ...query, sort: 'tag' } });
}

export function fetchAsset(api: ApiClient, id: string, signal?: AbortSignal): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}`, { signal });
}

export function fetchPeople(api: ApiClient, signal?: AbortSignal) {
  return api.request(people, '/api/v1/register/people', { signal, query: { limit: 500, sort: 'name' } });
}

export function transitionAsset(api: ApiClient, id: string, to: AssetStatus, reason: string): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: { to, reason } });
}

/** The answer is the assignment; the asset is read again to show its new holder. */
export async function checkOutAsset(api: ApiClient, id: string, personId: string, expectedReturn?: string): Promise<void> {
  await api.request({ parse: (data: unknown) => data }, `/api/v1/register/assets/${encodeURIComponent(id)}/checkout`, {
    method: 'POST', body: { target: { type: 'person', id: personId }, expectedReturn: expectedReturn || undefined },
  });
}

export async function checkInAsset(api: ApiClient, id: string): Promise<void> {
  await api.request({ parse: (data: unknown) => data }, `/api/v1/register/assets/${encodeURIComponent(id)}/checkin`, { method: 'POST', body: {} });
}

export function previewImport(api: ApiClient, csv: string, fileName: string) {
  return api.request(importPreview, '/api/v1/register/import', { method: 'POST', body: { csv, fileName } });
}

export function commitImport(api: ApiClient, importId: string, acceptValidRows: boolean) {
  return api.request(importCommitAnswer, `/api/v1/register/import/${encodeURIComponent(importId)}/commit`, { method: 'POST', body: { acceptValidRows } });
}

/** Printable labels (tag, name, serial and a barcode) for assets, in the order given, as PDF. */
export function downloadLabels(api: ApiClient, assetIds: string[], layout: LabelLayout): Promise<DownloadedFile> {
  return api.download('/api/v1/register/labels', { method: 'POST', body: { assetIds, layout } });
}
