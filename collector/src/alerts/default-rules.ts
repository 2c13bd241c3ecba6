import { randomUUID } from 'node:crypto';
import { alertRuleInput, type AlertRuleInput } from '@steward/shared';
import type { Database } from '../store/database.js';
import { insertRule } from '../store/alerts/rules.js';
import { markOnce } from '../store/register/settings.js';
import { recordAudit } from '../services/audit.js';
import { ruleValuesOf } from './rule-service.js';

/**
 * The rules a new installation starts with, shown on the dashboard only (no e-mail until someone
 * adds recipients). Unregistered devices and unlicensed installs are left out: the findings queue
 * lists them one by one, and a first discovery would raise thousands of alerts at once.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRuleInput[] = [
  { name: 'Warranty ends within 30 days', kind: 'warranty_expiring', params: { days: 30 } },
  { name: 'Contract, subscription or domain renewal due', kind: 'renewal_due', params: { days: 30 } },
  { name: 'Maintenance due within 14 days', kind: 'maintenance_due', params: { days: 14 } },
  { name: 'Maintenance overdue', kind: 'maintenance_overdue' },
  { name: 'Check-out overdue', kind: 'checkout_overdue' },
  { name: 'Registered device missing', kind: 'device_missing' },
  { name: 'Licence shortfall', kind: 'licence_shortfall' },
  { name: 'Agent silent for 7 days', kind: 'agent_silent', params: { days: 7 } },
  { name: 'Agent clock 5 minutes or more off', kind: 'agent_clock_skew', params: { seconds: 300 } },
  { name: 'Network device down for 15 minutes', kind: 'snmp_device_down', params: { minutes: 15 } },
  { name: 'Backup failed or overdue', kind: 'backup_failed' },
  { name: 'TLS certificate ends within 30 days', kind: 'certificate_expiring', params: { days: 30 } },
  { name: 'TLS certificate with a weak key or signature', kind: 'certificate_weak' },
  { name: 'TLS certificate self-signed or untrusted', kind: 'certificate_untrusted' },
  { name: 'TLS certificate for another name', kind: 'certificate_name_mismatch' },
  { name: 'Domain registration ends within 30 days', kind: 'domain_expiring', params: { days: 30 } },
  { name: 'SSH host key changed', kind: 'ssh_host_key_changed' },
];

/**
 * Installs the default rules the first time a collector starts on a database; after that they
 * belong to the administrators, who may change or delete them without seeing them come back.
 */
export async function seedDefaultAlertRules(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await markOnce(tx, 'alerts.defaultRulesSeeded'))) return 0;
    for (const input of DEFAULT_ALERT_RULES) {
      const rule = alertRuleInput.parse(input);
      const id = randomUUID();
      await insertRule(tx, id, ruleValuesOf(rule));
      await recordAudit(tx, { actor: 'system', action: 'alert-rule.create', objectType: 'alert-rule', objectId: id, after: rule });
    }
    return DEFAULT_ALERT_RULES.length;
  });
}
