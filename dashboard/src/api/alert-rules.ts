import { alertRule, integrationRecord, webhookRecord, type AlertRuleInput } from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import { noContent } from './no-content.js';

/** Alert rules and the channels they can send to, for the Rules tab of the Alerts screen. */

const rules = itemsAnswer(alertRule);
const webhooks = itemsAnswer(webhookRecord);
const integrations = itemsAnswer(integrationRecord);

export function fetchAlertRules(api: ApiClient, signal?: AbortSignal) {
  return api.request(rules, '/api/v1/alerts/rules', { signal });
}

export function addAlertRule(api: ApiClient, rule: AlertRuleInput) {
  return api.request(alertRule, '/api/v1/alerts/rules', { method: 'POST', body: rule });
}

export function replaceAlertRule(api: ApiClient, id: string, rule: AlertRuleInput) {
  return api.request(alertRule, `/api/v1/alerts/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: rule });
}

export function deleteAlertRule(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/alerts/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchWebhooks(api: ApiClient, signal?: AbortSignal) {
  return api.request(webhooks, '/api/v1/alerts/webhooks', { signal });
}

export function fetchIntegrations(api: ApiClient, signal?: AbortSignal) {
  return api.request(integrations, '/api/v1/integrations', { signal });
}
