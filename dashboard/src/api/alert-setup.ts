import {
  alertRule, deliveryRecord, integrationRecord, notificationSettings, channelTestAnswer, webhookRecord,
  type AlertRuleInput, type IntegrationInput, type NotificationSettingsInput, type WebhookInput,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';
import { noContent } from './no-content.js';

/** Alert rules and the channels they send to: the Rules and Delivery tabs of the Alerts screen. */

const rules = itemsAnswer(alertRule);
const webhooks = itemsAnswer(webhookRecord);
const integrations = itemsAnswer(integrationRecord);
const deliveries = itemsAnswer(deliveryRecord);

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

export function addWebhook(api: ApiClient, input: WebhookInput) {
  return api.request(webhookRecord, '/api/v1/alerts/webhooks', { method: 'POST', body: input });
}

export function switchWebhook(api: ApiClient, id: string, enabled: boolean) {
  return api.request(webhookRecord, `/api/v1/alerts/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body: { enabled } });
}

export function deleteWebhook(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/alerts/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchNotificationSettings(api: ApiClient, signal?: AbortSignal) {
  return api.request(notificationSettings, '/api/v1/alerts/settings', { signal });
}

export function saveNotificationSettings(api: ApiClient, input: NotificationSettingsInput) {
  return api.request(notificationSettings, '/api/v1/alerts/settings', { method: 'PUT', body: input });
}

export function sendTestEmail(api: ApiClient, to: string) {
  return api.request(channelTestAnswer, '/api/v1/alerts/settings/test-email', { method: 'POST', body: { to } });
}

export function fetchDeliveries(api: ApiClient, query: { limit: number; offset: number }, signal?: AbortSignal) {
  return api.request(deliveries, '/api/v1/alerts/deliveries', { signal, query });
}

export function addIntegration(api: ApiClient, input: IntegrationInput) {
  return api.request(integrationRecord, '/api/v1/integrations', { method: 'POST', body: input });
}

export function deleteIntegration(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/integrations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function testWebhook(api: ApiClient, id: string) {
  return api.request(channelTestAnswer, `/api/v1/alerts/webhooks/${encodeURIComponent(id)}/test`, { method: 'POST', body: {} });
}
