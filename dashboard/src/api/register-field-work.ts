import {
  acceptanceLink, acceptanceRequest, asset, assignment, mergePreview, sighting,
  type AcceptanceLink, type AcceptanceRequest, type Asset, type AssignmentTargetType, type DevicePosition, type MergePreview,
} from '@steward/shared';
import type { AnswerSchema, ApiClient } from './api-client.js';
import { ApiFailure } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import type { ReferencePath } from './register-records.js';

export function previewMerge(api: ApiClient, path: ReferencePath, fromId: string, intoId: string, signal?: AbortSignal): Promise<MergePreview> {
  return api.request(mergePreview, `/api/v1/register/${path}/${encodeURIComponent(fromId)}/merge`, { signal, query: { intoId } });
}

const mergeAnswer: AnswerSchema<{ moved: number }> = {
  parse(data: unknown) {
    const moved = (data as { moved?: unknown } | null)?.moved;
    if (typeof moved !== 'number') throw new Error('moved: expected a number');
    return { moved };
  },
};
export function mergeReference(api: ApiClient, path: ReferencePath, fromId: string, intoId: string): Promise<{ moved: number }> {
  return api.request(mergeAnswer, `/api/v1/register/${path}/${encodeURIComponent(fromId)}/merge`, { method: 'POST', body: { intoId } });
}

export interface CheckoutWithExtras {
  targetType: AssignmentTargetType;
  targetId: string;
  expectedReturn?: string;
  note?: string;
  requestAcceptance?: boolean;
  position?: DevicePosition;
}

const checkedOut = asset.extend({ acceptanceLink: acceptanceLink.optional() });
/** A check-out that may ask the person to accept it and carry the phone's position. */
export function checkOutWithExtras(api: ApiClient, id: string, d: CheckoutWithExtras): Promise<Asset & { acceptanceLink?: AcceptanceLink }> {
  return api.request(checkedOut, `/api/v1/register/assets/${encodeURIComponent(id)}/checkout`, {
    method: 'POST',
    body: {
      target: { type: d.targetType, id: d.targetId }, expectedReturn: d.expectedReturn || undefined, note: d.note || undefined,
      requestAcceptance: d.requestAcceptance || undefined, position: d.position,
    },
  });
}

export function resendAcceptance(api: ApiClient, assignmentId: string): Promise<AcceptanceLink> {
  return api.request(acceptanceLink, `/api/v1/register/assignments/${encodeURIComponent(assignmentId)}/acceptance`, { method: 'POST', body: {} });
}

export function fetchSightings(api: ApiClient, assetId: string, signal?: AbortSignal) {
  return api.request(itemsAnswer(sighting), `/api/v1/register/assets/${encodeURIComponent(assetId)}/sightings`, { signal, query: { limit: 5 } });
}

/** The public answer pages: no session, the link's token in the body. */
async function publicCall(path: string, body: unknown): Promise<AcceptanceRequest> {
  const response = await fetch(`/api/v1/acceptance${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({})) as { error?: string; message?: string };
  if (!response.ok) throw new ApiFailure(response.status, data.error ?? 'failed', data.message ?? `the collector answered ${response.status}`);
  return acceptanceRequest.parse(data);
}

export const readAcceptance = (token: string) => publicCall('', { token });
export const answerAcceptance = (token: string, decision: 'accepted' | 'declined', note: string) =>
  publicCall('/answer', { token, decision, note: note.trim() || null });

/** One scanned tag of an audit round, with the phone's position when the user agreed to give it. */
export function scanAuditTagAt(api: ApiClient, roundId: string, tag: string, position?: DevicePosition) {
  return api.request({ parse: (data: unknown) => data }, `/api/v1/register/audits/${encodeURIComponent(roundId)}/scans`, { method: 'POST', body: { tag, position } });
}

const assignmentList = itemsAnswer(assignment);
/** Open check-outs the person has not accepted yet, oldest first: those to chase. */
export function fetchAwaitingAcceptance(api: ApiClient, signal?: AbortSignal) {
  return api.request(assignmentList, '/api/v1/register/assignments', { signal, query: { acceptance: 'pending', open: 'true', sort: 'checkedOutAt', order: 'asc', limit: 100 } });
}
