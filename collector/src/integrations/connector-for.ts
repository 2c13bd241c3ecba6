import type { MasterKeys } from '../services/secrets.js';
import { openSecret } from '../services/secrets.js';
import type { IntegrationRow } from '../store/alerts/integrations.js';
import type { OutboundPolicy } from '../alerts/outbound/address-policy.js';
import { HelpdeskError, jsonClient, type HelpdeskConnector } from './connector.js';
import { glpiConnector, type GlpiSettings } from './glpi.js';
import { jiraConnector, type JiraSettings } from './jira.js';
import { serviceNowConnector, type ServiceNowSettings } from './servicenow.js';
import { zammadConnector, type ZammadSettings } from './zammad.js';

/** The fields of each kind that are secrets: sealed at rest, never answered. */
export const SECRET_FIELDS = {
  servicenow: ['password'],
  jira: ['apiToken'],
  glpi: ['appToken', 'userToken'],
  zammad: ['token'],
} as const;

/** The connector for a stored integration, its secrets opened for this use only. */
export function connectorFor(row: IntegrationRow, keys: MasterKeys, policy: OutboundPolicy): HelpdeskConnector {
  const secrets: Record<string, string> = {};
  for (const field of SECRET_FIELDS[row.kind]) {
    const sealed = row.sealed_secrets[field];
    if (!sealed) throw new HelpdeskError(0, `${row.name}: ${field} is not set`);
    secrets[field] = openSecret(keys, sealed);
  }
  const settings = { ...row.settings, ...secrets, baseUrl: row.base_url };
  const http = jsonClient(policy);
  switch (row.kind) {
    case 'servicenow': return serviceNowConnector(settings as unknown as ServiceNowSettings, http);
    case 'jira': return jiraConnector(settings as unknown as JiraSettings, http);
    case 'glpi': return glpiConnector(settings as unknown as GlpiSettings, http);
    case 'zammad': return zammadConnector(settings as unknown as ZammadSettings, http);
  }
}
