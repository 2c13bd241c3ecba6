import {
  normalisationRule, normalisedTitle, pollingSettings, reconcileSettings, snmpCredentialSetView, userList, userView,
  type NormalisationRuleInput, type PollingSettings, type RawTitle, type ReconcileSettings, type SnmpCredentialSetInput,
  type SnmpCredentialSetUpdate, type UserInput, type UserUpdate,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { noContent } from './no-content.js';
import { itemsAnswer } from './items-answer.js';

/** The collector's answers for the Settings screen: discovery, matching, normalisation and users. */

const credentials = itemsAnswer(snmpCredentialSetView);
const rules = itemsAnswer(normalisationRule);

export function fetchCredentials(api: ApiClient, signal?: AbortSignal) {
  return api.request(credentials, '/api/v1/network/credentials', { signal });
}

export function addCredential(api: ApiClient, input: SnmpCredentialSetInput) {
  return api.request(snmpCredentialSetView, '/api/v1/network/credentials', { method: 'POST', body: input });
}

/** Secrets left out of `update` keep their stored values: the dashboard never holds them. */
export function replaceCredential(api: ApiClient, id: string, update: SnmpCredentialSetUpdate) {
  return api.request(snmpCredentialSetView, `/api/v1/network/credentials/${encodeURIComponent(id)}`, { method: 'PUT', body: update });
}

export function reorderCredentials(api: ApiClient, ids: string[]) {
  return api.request(credentials, '/api/v1/network/credentials/order', { method: 'PUT', body: { ids } });
}

export function deleteCredential(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/network/credentials/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchPolling(api: ApiClient, signal?: AbortSignal) {
  return api.request(pollingSettings, '/api/v1/network/polling', { signal });
}

export function savePolling(api: ApiClient, change: Partial<PollingSettings>) {
  return api.request(pollingSettings, '/api/v1/network/polling', { method: 'PUT', body: change });
}

export function fetchMatching(api: ApiClient, signal?: AbortSignal) {
  return api.request(reconcileSettings, '/api/v1/reconcile/settings', { signal });
}

export function saveMatching(api: ApiClient, settings: ReconcileSettings) {
  return api.request(reconcileSettings, '/api/v1/reconcile/settings', { method: 'PUT', body: settings });
}

export function fetchRules(api: ApiClient, signal?: AbortSignal) {
  return api.request(rules, '/api/v1/catalogue/rules', { signal });
}

export function addRule(api: ApiClient, rule: NormalisationRuleInput, position?: number) {
  return api.request(normalisationRule, '/api/v1/catalogue/rules', { method: 'POST', body: { rule, position } });
}

export function changeRule(api: ApiClient, id: string, rule: NormalisationRuleInput, position?: number) {
  return api.request(normalisationRule, `/api/v1/catalogue/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: { rule, position } });
}

export function removeRule(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/catalogue/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchUsers(api: ApiClient, signal?: AbortSignal) {
  return api.request(userList, '/api/v1/users', { signal });
}

export function addUser(api: ApiClient, input: UserInput) {
  return api.request(userView, '/api/v1/users', { method: 'POST', body: input });
}

export function changeUser(api: ApiClient, id: string, change: UserUpdate) {
  return api.request(userView, `/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}

export function previewTitle(api: ApiClient, title: RawTitle) {
  return api.request(normalisedTitle, '/api/v1/catalogue/normalise', { method: 'POST', body: title });
}
