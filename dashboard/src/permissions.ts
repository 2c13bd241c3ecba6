/**
 * What each role may see and do in the dashboard. The collector enforces the same rules on its
 * API; this table only spares people buttons and screens that would answer 403.
 */
export const ROLES = ['admin', 'itadmin', 'compliance', 'helpdesk', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  itadmin: 'IT administrator',
  compliance: 'Compliance officer',
  helpdesk: 'Helpdesk',
  auditor: 'Auditor',
};

const VIEW_ACTIONS = [
  'overview.view', 'devices.view', 'network.view', 'findings.view', 'licences.view',
  'register.view', 'reports.view', 'alerts.view', 'settings.view',
] as const;

const CHANGE_ACTIONS = [
  'devices.collect', 'devices.delete', 'register.edit', 'network.sweep', 'findings.triage',
  'licences.manage', 'reports.run', 'alerts.acknowledge', 'alerts.manage', 'settings.manage',
  'users.manage',
] as const;

export const ACTIONS = [...VIEW_ACTIONS, ...CHANGE_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];

const everyView: readonly Action[] = VIEW_ACTIONS;

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  itadmin: new Set<Action>([
    ...everyView, 'devices.collect', 'devices.delete', 'register.edit', 'network.sweep',
    'findings.triage', 'licences.manage', 'reports.run', 'alerts.acknowledge', 'alerts.manage',
    'settings.manage',
  ]),
  compliance: new Set<Action>([
    'overview.view', 'devices.view', 'network.view', 'findings.view', 'licences.view',
    'register.view', 'reports.view', 'alerts.view', 'findings.triage', 'licences.manage',
    'reports.run',
  ]),
  helpdesk: new Set<Action>([
    'overview.view', 'devices.view', 'network.view', 'findings.view', 'register.view',
    'alerts.view', 'devices.collect', 'register.edit', 'alerts.acknowledge',
  ]),
  // Auditors see everything and change nothing; running a report only reads.
  auditor: new Set<Action>([...everyView, 'reports.run']),
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? GRANTS[role].has(action) : false;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Actions that change something, for checks such as "an auditor changes nothing". */
export function isChangeAction(action: Action): boolean {
  return (CHANGE_ACTIONS as readonly string[]).includes(action);
}
