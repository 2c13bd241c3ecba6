import { alertRuleInput, type AlertRule, type AlertRuleKind } from '@steward/shared';

/** Pill class for each severity: critical and warning both stand out, info stays quiet. */
export const SEVERITY_CLASS = { info: 'pill-neutral', warning: 'pill-warn', critical: 'pill-warn' } as const;

/** What each kind of rule watches, in the words of the people who set them. */
export const RULE_KIND_LABELS: Record<AlertRuleKind, string> = {
  warranty_expiring: 'Warranty ending',
  renewal_due: 'Renewal due',
  maintenance_due: 'Maintenance due',
  maintenance_overdue: 'Maintenance overdue',
  checkout_overdue: 'Check-out overdue',
  checkout_unaccepted: 'Check-out not accepted',
  device_missing: 'Registered device missing',
  device_unregistered: 'Device discovered but not registered',
  unlicensed_install: 'Unlicensed install',
  licence_shortfall: 'Licence shortfall',
  agent_silent: 'Agent silent',
  agent_clock_skew: 'Agent clock off',
  snmp_device_down: 'Network device down',
  backup_failed: 'Backup failed or overdue',
  certificate_expiring: 'TLS certificate ending',
  certificate_weak: 'TLS certificate with a weak key or signature',
  certificate_untrusted: 'TLS certificate self-signed or untrusted',
  certificate_name_mismatch: 'TLS certificate for another name',
  domain_expiring: 'Domain registration ending',
  ssh_host_key_changed: 'SSH host key changed',
};

/** The label and unit of each numeric threshold, by parameter, or by kind and parameter where the meaning differs. */
const PARAM_LABELS: Record<string, { label: string; unit: string }> = {
  days: { label: 'Warn', unit: 'days ahead' },
  'agent_silent.days': { label: 'Silent for', unit: 'days' },
  graceDays: { label: 'Kept open after', unit: 'days' },
  'maintenance_overdue.graceDays': { label: 'Grace', unit: 'days' },
  'checkout_overdue.graceDays': { label: 'Grace', unit: 'days' },
  'checkout_unaccepted.days': { label: 'Unanswered for', unit: 'days' },
  minShortfall: { label: 'Smallest shortfall', unit: 'licences' },
  minutes: { label: 'Down for', unit: 'minutes' },
  hours: { label: 'Overdue by', unit: 'hours' },
  seconds: { label: 'Off by', unit: 'seconds' },
};

export function paramLabel(kind: AlertRuleKind, key: string): { label: string; unit: string } {
  return PARAM_LABELS[`${kind}.${key}`] ?? PARAM_LABELS[key] ?? { label: key, unit: 'number' };
}

export const RENEWAL_SOURCE_LABELS: Record<string, string> = { contract: 'Contracts', asset: 'Assets (domains, certificates…)', entitlement: 'Licence entitlements' };

/** Every parameter of a kind with its default, as a new rule of that kind gets it. */
export function defaultParams(kind: AlertRuleKind): Record<string, unknown> {
  return alertRuleInput.parse({ name: 'new', kind }).params as Record<string, unknown>;
}

/** "Warn 30 days ahead · Kept open after 30 days": the thresholds of a rule in one line. */
export function describeParams(rule: Pick<AlertRule, 'kind' | 'params'>): string {
  return Object.entries(rule.params).map(([key, value]) => {
    if (Array.isArray(value)) return value.map((v) => RENEWAL_SOURCE_LABELS[String(v)] ?? String(v)).join(', ');
    const { label, unit } = paramLabel(rule.kind, key);
    return `${label} ${String(value)} ${unit}`;
  }).join(' · ') || '—';
}

/** "Dashboard, 2 e-mails (digest), 1 webhook": where a rule's alerts go. */
export function describeRouting(rule: Pick<AlertRule, 'routing'>): string {
  const { dashboard, email, webhookIds, integrationIds } = rule.routing;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [
    dashboard ? 'Dashboard' : null,
    email.recipients.length ? `${count(email.recipients.length, 'e-mail')}${email.mode === 'digest' ? ' (digest)' : ''}` : null,
    webhookIds.length ? count(webhookIds.length, 'webhook') : null,
    integrationIds.length ? count(integrationIds.length, 'helpdesk') : null,
  ].filter(Boolean).join(', ') || 'nowhere';
}
