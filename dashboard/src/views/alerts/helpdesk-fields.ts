import type { IntegrationKind } from '@steward/shared';

/** One setting of a helpdesk connector form; secrets are write-only. */
export interface HelpdeskField {
  key: string;
  label: string;
  type: 'text' | 'secret' | 'number' | 'select';
  required?: boolean;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
}

export const HELPDESK_LABELS: Record<IntegrationKind, string> = {
  servicenow: 'ServiceNow', jira: 'Jira Service Management', glpi: 'GLPI', zammad: 'Zammad',
};

/** What each helpdesk needs besides a name and its address, as its API documents it. */
export const HELPDESK_FIELDS: Record<IntegrationKind, readonly HelpdeskField[]> = {
  servicenow: [
    { key: 'username', label: 'User name', type: 'text', required: true },
    { key: 'password', label: 'Password', type: 'secret' },
    { key: 'assignmentGroup', label: 'Assignment group', type: 'text' },
    { key: 'category', label: 'Category', type: 'text' },
    { key: 'callerId', label: 'Caller', type: 'text' },
    { key: 'closeCode', label: 'Resolution code', type: 'text', placeholder: 'Solution provided' },
  ],
  jira: [
    { key: 'username', label: 'Account e-mail', type: 'text', required: true },
    { key: 'apiToken', label: 'API token', type: 'secret' },
    { key: 'mode', label: 'Open as', type: 'select', options: [{ value: 'issue', label: 'Issue in a project' }, { value: 'request', label: 'Customer request' }] },
    { key: 'projectKey', label: 'Project key', type: 'text', placeholder: 'IT' },
    { key: 'issueType', label: 'Issue type', type: 'text', placeholder: 'Task' },
    { key: 'serviceDeskId', label: 'Service desk id', type: 'text' },
    { key: 'requestTypeId', label: 'Request type id', type: 'text' },
    { key: 'closeTransition', label: 'Closing transition', type: 'text', placeholder: 'first one to a done status' },
  ],
  glpi: [
    { key: 'appToken', label: 'App token', type: 'secret' },
    { key: 'userToken', label: 'User token', type: 'secret' },
    { key: 'entityId', label: 'Entity id', type: 'number' },
    { key: 'closeStatus', label: 'Close as', type: 'select', options: [{ value: '5', label: 'Solved' }, { value: '6', label: 'Closed' }] },
  ],
  zammad: [
    { key: 'token', label: 'Access token', type: 'secret' },
    { key: 'group', label: 'Group', type: 'text', required: true },
    { key: 'customer', label: 'Customer (e-mail or login)', type: 'text', required: true },
  ],
};

/** The typed values of a connector's fields: empty ones left out, numbers as numbers. */
export function helpdeskSettings(kind: IntegrationKind, values: Record<string, string>): Record<string, string | number> {
  const settings: Record<string, string | number> = {};
  for (const field of HELPDESK_FIELDS[kind]) {
    const value = (values[field.key] ?? (field.type === 'select' ? field.options![0]!.value : '')).trim();
    if (value === '') continue;
    settings[field.key] = field.type === 'number' || field.key === 'closeStatus' ? Number(value) : value;
  }
  return settings;
}
