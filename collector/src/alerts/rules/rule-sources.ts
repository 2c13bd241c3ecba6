import type { AlertRuleKind } from '@steward/shared';
import { backupFailed } from './backup-rules.js';
import type { RuleSource } from './candidate.js';
import { certificateExpiring, certificateNameMismatch, certificateUntrusted, certificateWeak, domainExpiring } from './discovery-rules.js';
import { agentClockSkew, agentSilent, snmpDeviceDown } from './device-rules.js';
import { renewalDue, warrantyExpiring } from './expiry-rules.js';
import { deviceMissing, deviceUnregistered, licenceShortfall, unlicensedInstall } from './reconcile-rules.js';
import { sshHostKeyChanged } from './ssh-rules.js';
import { checkoutOverdue, checkoutUnaccepted, maintenanceDue, maintenanceOverdue } from './register-rules.js';

/** What each kind of rule looks at. */
export const RULE_SOURCES: { [K in AlertRuleKind]: RuleSource<K> } = {
  warranty_expiring: warrantyExpiring,
  renewal_due: renewalDue,
  maintenance_due: maintenanceDue,
  maintenance_overdue: maintenanceOverdue,
  checkout_overdue: checkoutOverdue,
  checkout_unaccepted: checkoutUnaccepted,
  device_missing: deviceMissing,
  device_unregistered: deviceUnregistered,
  unlicensed_install: unlicensedInstall,
  licence_shortfall: licenceShortfall,
  agent_silent: agentSilent,
  agent_clock_skew: agentClockSkew,
  snmp_device_down: snmpDeviceDown,
  backup_failed: backupFailed,
  certificate_expiring: certificateExpiring,
  certificate_weak: certificateWeak,
  certificate_untrusted: certificateUntrusted,
  certificate_name_mismatch: certificateNameMismatch,
  domain_expiring: domainExpiring,
  ssh_host_key_changed: sshHostKeyChanged,
};
