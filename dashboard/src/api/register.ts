import {
  asset, assetStatus, assignment, bulkAssetAnswer, attachment, auditResult, auditRound, bookValue, contractRecord, importCommitAnswer, importPreview,
  LABEL_JOB_THRESHOLD, labelJob, listAnswer, personRecord, registerHistoryEntry, sanitisation, workOrder,
  type Asset, type AssetCreateRequest, type AssetPatch, type AssetStatus, type AssignmentTargetType, type AttachmentKind, type BulkAssetAnswer,
  type BulkAssetRequest,
  type ImportField, type LabelLayout, type TransitionRequest,
} from '@steward/shared';
import type { ApiClient, DownloadedFile } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import { noContent } from './no-content.js';

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

export function transitionAsset(api: ApiClient, id: string, to: AssetStatus, reason: string, extra: Omit<TransitionRequest, 'to' | 'reason'> = {}): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: { to, reason, ...extra } });
}

export function createAsset(api: ApiClient, body: Partial<AssetCreateRequest>): Promise<Asset> {
  return api.request(asset, '/api/v1/register/assets', { method: 'POST', body });
}

export function updateAsset(api: ApiClient, id: string, body: AssetPatch): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteAsset(api: ApiClient, id: string): Promise<null> {
  return api.request(noContent, `/api/v1/register/assets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export interface CheckoutDetails {
  targetType: AssignmentTargetType;
  targetId: string;
  expectedReturn?: string;
  note?: string;
}

/** Hands the asset over; the answer is the asset with its new holder. */
export function checkOutAsset(api: ApiClient, id: string, details: CheckoutDetails): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}/checkout`, {
    method: 'POST',
    body: { target: { type: details.targetType, id: details.targetId }, expectedReturn: details.expectedReturn || undefined, note: details.note || undefined },
  });
}

/** One change to many assets: all are changed, or none and the failure names each refused asset. */
export function changeAssets(api: ApiClient, body: BulkAssetRequest): Promise<BulkAssetAnswer> {
  return api.request(bulkAssetAnswer, '/api/v1/register/assets/bulk', { method: 'POST', body });
}

export function checkInAsset(api: ApiClient, id: string, note?: string): Promise<Asset> {
  return api.request(asset, `/api/v1/register/assets/${encodeURIComponent(id)}/checkin`, { method: 'POST', body: { note: note || undefined } });
}

const assignments = listAnswer(assignment);
export function fetchAssignments(api: ApiClient, query: { assetId?: string; overdue?: 'true'; open?: 'true'; limit?: number }, signal?: AbortSignal) {
  return api.request(assignments, '/api/v1/register/assignments', { signal, query: { ...query, sort: query.overdue ? 'expectedReturn' : 'checkedOutAt', order: query.overdue ? 'asc' : 'desc', limit: query.limit ?? 100 } });
}

const sanitisationAnswer = sanitisation.nullable();
export function fetchSanitisation(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(sanitisationAnswer, `/api/v1/register/assets/${encodeURIComponent(id)}/sanitisation`, { signal });
}

export function fetchBookValue(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(bookValue, `/api/v1/register/assets/${encodeURIComponent(id)}/book-value`, { signal });
}

export function fetchAssetHistory(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(itemsAnswer(registerHistoryEntry), `/api/v1/register/assets/${encodeURIComponent(id)}/history`, { signal, query: { limit: 200 } });
}

export function fetchAssetContracts(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(listAnswer(contractRecord), '/api/v1/register/contracts', { signal, query: { assetId: id, limit: 100 } });
}

export function fetchAssetWorkOrders(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(listAnswer(workOrder), '/api/v1/register/maintenance/work-orders', { signal, query: { assetId: id, limit: 100, sort: 'openedOn', order: 'desc' } });
}

export function fetchAttachments(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(itemsAnswer(attachment), `/api/v1/register/assets/${encodeURIComponent(id)}/attachments`, { signal });
}

export function uploadAttachment(api: ApiClient, id: string, file: { fileName: string; kind: AttachmentKind; content: string }) {
  return api.request(attachment, `/api/v1/register/assets/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: file });
}

export function downloadAttachment(api: ApiClient, assetId: string, fileId: string): Promise<DownloadedFile> {
  return api.download(`/api/v1/register/assets/${encodeURIComponent(assetId)}/attachments/${encodeURIComponent(fileId)}`);
}

export function removeAttachment(api: ApiClient, assetId: string, fileId: string): Promise<null> {
  return api.request(noContent, `/api/v1/register/assets/${encodeURIComponent(assetId)}/attachments/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}

/** A file the browser holds, as the base64 text the upload takes. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The assets list as CSV, with the list's search and status filter. */
export function downloadAssetsExport(api: ApiClient, query: { search?: string; status?: AssetStatus }): Promise<DownloadedFile> {
  return api.download('/api/v1/register/export/assets', { query: { ...query, sort: 'tag' } });
}

const rounds = listAnswer(auditRound);
export function fetchAuditRounds(api: ApiClient, signal?: AbortSignal) {
  return api.request(rounds, '/api/v1/register/audits', { signal, query: { limit: 20, sort: 'startedAt', order: 'desc' } });
}

export function startAuditRound(api: ApiClient, locationId: string) {
  return api.request(auditRound, '/api/v1/register/audits', { method: 'POST', body: { locationId } });
}

export function fetchAuditResult(api: ApiClient, id: string, signal?: AbortSignal) {
  return api.request(auditResult, `/api/v1/register/audits/${encodeURIComponent(id)}`, { signal });
}

export function scanAuditTag(api: ApiClient, roundId: string, tag: string) {
  return api.request({ parse: (data: unknown) => data }, `/api/v1/register/audits/${encodeURIComponent(roundId)}/scans`, { method: 'POST', body: { tag } });
}

export function closeAuditRound(api: ApiClient, roundId: string, relocateFound: boolean) {
  return api.request({ parse: (data: unknown) => data }, `/api/v1/register/audits/${encodeURIComponent(roundId)}/close`, { method: 'POST', body: { relocateFound } });
}

export function previewImport(api: ApiClient, csv: string, fileName: string, columns?: Record<string, ImportField | ''>) {
  return api.request(importPreview, '/api/v1/register/import', { method: 'POST', body: { csv, fileName, columns } });
}

export function commitImport(api: ApiClient, importId: string, acceptValidRows: boolean) {
  return api.request(importCommitAnswer, `/api/v1/register/import/${encodeURIComponent(importId)}/commit`, { method: 'POST', body: { acceptValidRows } });
}

/**
 * Printable labels (tag, name, serial and a barcode) for assets, in the order given, as PDF. A big
 * sheet is drawn as a job on the collector: it is polled until done, then its PDF fetched.
 */
export async function downloadLabels(api: ApiClient, assetIds: string[], layout: LabelLayout, pollMs = 1000): Promise<DownloadedFile> {
  if (assetIds.length <= LABEL_JOB_THRESHOLD) return api.download('/api/v1/register/labels', { method: 'POST', body: { assetIds, layout } });
  let job = await api.request(labelJob, '/api/v1/register/labels', { method: 'POST', body: { assetIds, layout } });
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    job = await api.request(labelJob, job.poll);
  }
  // A sheet that was not drawn answers its download with the reason, which the caller shows.
  return api.download(job.download);
}
