import { z } from 'zod';
import { CLOCK_SKEW_WARN_SECONDS } from './agents.js';
import { pageQuery } from './api.js';
import { licenceReportGrouping } from './reconcile.js';
import { isoDate, isoDateTime, text } from './text.js';

/*
 * Alerts: rules with thresholds the user sets, the alerts they raise (one open alert per rule and
 * subject), where each rule sends them (dashboard, e-mail, signed webhooks, helpdesk tickets), the
 * helpdesk connectors themselves, service tokens for systems that call the collector, and the
 * scheduled reports that go out by e-mail.
 */

const days = z.number().int().min(0).max(3650);
const name = text(256).trim().min(1);
const emailAddress = z.email().max(320);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
/** A write-only secret: stored sealed, never answered. */
const secret = (min = 1) => text(4096).min(min);

export const alertSeverity = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeverity>;

export const alertState = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertState = z.infer<typeof alertState>;

/** What a renewal rule watches: contract end dates, register items that lapse, licence terms. */
export const renewalSource = z.enum(['contract', 'asset', 'entitlement']);

// ---------------------------------------------------------------- rules

const ruleParams = {
  warranty_expiring: z.object({
    /** Raised this many days before the warranty ends. */
    days: days.default(30),
    /** Kept open this many days past the end, then resolved on its own. */
    graceDays: days.default(30),
  }),
  renewal_due: z.object({
    days: days.default(30),
    graceDays: days.default(30),
    sources: z.array(renewalSource).min(1).default(['contract', 'asset', 'entitlement']),
  }),
  maintenance_due: z.object({ days: days.default(14) }),
  maintenance_overdue: z.object({ graceDays: days.default(0) }),
  checkout_overdue: z.object({ graceDays: days.default(0) }),
  /** A check-out the person was asked to accept, unanswered this many days on, or with its link expired. */
  checkout_unaccepted: z.object({ days: days.default(3) }),
  device_missing: z.object({}),
  device_unregistered: z.object({}),
  unlicensed_install: z.object({}),
  licence_shortfall: z.object({ minShortfall: z.number().int().min(1).max(1_000_000).default(1) }),
  agent_silent: z.object({ days: z.number().int().min(1).max(3650).default(7) }),
  /** An agent's clock this many seconds or more from the collector's: five minutes breaks Kerberos sign-in. */
  agent_clock_skew: z.object({ seconds: z.number().int().min(1).max(366 * 86_400).default(CLOCK_SKEW_WARN_SECONDS) }),
  snmp_device_down: z.object({ minutes: z.number().int().min(0).max(100_000).default(0) }),
  /** The last backup failed, or the scheduled one is this many hours past due with no collector taking it. */
  backup_failed: z.object({ hours: z.number().int().min(0).max(24 * 366).default(6) }),
  /** A certificate presented on the network ends within this many days (or has ended). */
  certificate_expiring: z.object({ days: days.default(30) }),
  /** A key too small to be safe (RSA under 2048 bits) or a signature by a broken hash (MD5, SHA-1). */
  certificate_weak: z.object({}),
  /** Self-signed, or a chain that leads to no root the system or the organisation trusts. */
  certificate_untrusted: z.object({}),
  /** The certificate is not for the name or address it is presented at. */
  certificate_name_mismatch: z.object({}),
  /** A watched domain's registration ends within this many days, or its registry could not be read for as long. */
  domain_expiring: z.object({ days: days.default(30) }),
  /** A host scanned over SSH offered another host key than the one pinned: the scan stopped before any credential was sent. */
  ssh_host_key_changed: z.object({}),
} as const;

export type AlertRuleKind = keyof typeof ruleParams;
export const alertRuleKind = z.enum(Object.keys(ruleParams) as [AlertRuleKind, ...AlertRuleKind[]]);
export type AlertRuleParams<K extends AlertRuleKind> = z.infer<(typeof ruleParams)[K]>;

/** Severity a rule gets when its author does not choose one. */
export const DEFAULT_SEVERITY: Record<AlertRuleKind, AlertSeverity> = {
  warranty_expiring: 'info',
  renewal_due: 'warning',
  maintenance_due: 'info',
  maintenance_overdue: 'warning',
  checkout_overdue: 'warning',
  checkout_unaccepted: 'info',
  device_missing: 'warning',
  device_unregistered: 'info',
  unlicensed_install: 'warning',
  licence_shortfall: 'critical',
  agent_silent: 'warning',
  agent_clock_skew: 'warning',
  snmp_device_down: 'critical',
  backup_failed: 'critical',
  certificate_expiring: 'warning',
  certificate_weak: 'warning',
  certificate_untrusted: 'warning',
  certificate_name_mismatch: 'warning',
  domain_expiring: 'critical',
  ssh_host_key_changed: 'critical',
};

export const alertRouting = z.object({
  /** Shown live on the dashboard (and always listed there). */
  dashboard: z.boolean().default(true),
  email: z.object({
    recipients: z.array(emailAddress).max(50).default([]),
    /** Immediately on each change, or once a day in the digest. */
    mode: z.enum(['immediate', 'digest']).default('immediate'),
  }).default({ recipients: [], mode: 'immediate' }),
  webhookIds: z.array(z.uuid()).max(20).default([]),
  /** Helpdesk connectors that get a ticket opened for each alert (and closed when it resolves). */
  integrationIds: z.array(z.uuid()).max(10).default([]),
  /** Also tell the channels when an alert resolves itself. */
  notifyOnResolve: z.boolean().default(true),
});
export type AlertRouting = z.infer<typeof alertRouting>;

const ruleBase = z.object({
  name,
  enabled: z.boolean().default(true),
  severity: alertSeverity.optional(),
  routing: alertRouting.default(alertRouting.parse({})),
});

/** Parameters left out take every default, as if `{}` had been given. */
function withDefaults<T extends z.ZodObject>(schema: T): z.ZodDefault<T> {
  return schema.default(schema.parse({}) as never);
}

function ruleOf<K extends AlertRuleKind>(kind: K) {
  return ruleBase.extend({ kind: z.literal(kind), params: withDefaults(ruleParams[kind]) });
}

export const alertRuleInput = z.discriminatedUnion('kind', [
  ruleOf('warranty_expiring'), ruleOf('renewal_due'), ruleOf('maintenance_due'), ruleOf('maintenance_overdue'),
  ruleOf('checkout_overdue'), ruleOf('checkout_unaccepted'), ruleOf('device_missing'), ruleOf('device_unregistered'), ruleOf('unlicensed_install'),
  ruleOf('licence_shortfall'), ruleOf('agent_silent'), ruleOf('snmp_device_down'),
  ruleOf('backup_failed'), ruleOf('agent_clock_skew'),
  ruleOf('certificate_expiring'), ruleOf('certificate_weak'), ruleOf('certificate_untrusted'), ruleOf('certificate_name_mismatch'),
  ruleOf('domain_expiring'), ruleOf('ssh_host_key_changed'),
]);
export type AlertRuleInput = z.input<typeof alertRuleInput>;
export type AlertRuleFields = z.infer<typeof alertRuleInput>;

export const alertRule = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: alertRuleKind,
  enabled: z.boolean(),
  severity: alertSeverity,
  params: z.record(z.string(), z.unknown()),
  routing: alertRouting,
  openAlerts: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AlertRule = z.infer<typeof alertRule>;

// ---------------------------------------------------------------- alerts

export const alertTicket = z.object({
  integrationId: z.uuid(),
  integrationName: z.string(),
  kind: z.string(),
  externalId: z.string().nullable(),
  externalKey: z.string().nullable(),
  url: z.string().nullable(),
  state: z.enum(['opening', 'open', 'closed', 'failed']),
});
export type AlertTicket = z.infer<typeof alertTicket>;

export const alertRecord = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  ruleName: z.string(),
  kind: alertRuleKind,
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  subjectKey: z.string(),
  state: alertState,
  severity: alertSeverity,
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  firstDetected: isoDateTime,
  lastDetected: isoDateTime,
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  snoozedUntil: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  tickets: z.array(alertTicket),
});
export type AlertRecord = z.infer<typeof alertRecord>;

const listOf = <T extends z.ZodType>(e: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(e).min(1));

export const alertListQuery = pageQuery.extend({
  state: listOf(alertState).optional(),
  kind: listOf(alertRuleKind).optional(),
  severity: listOf(alertSeverity).optional(),
  ruleId: z.uuid().optional(),
  subjectId: z.string().max(128).optional(),
  /** Leave out alerts snoozed at this moment. */
  hideSnoozed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type AlertListQuery = z.infer<typeof alertListQuery>;

export const acknowledgeRequest = z.object({ note: text(2000).optional() });
export const snoozeRequest = z.union([
  z.object({ until: isoDateTime }),
  z.object({ minutes: z.number().int().min(1).max(60 * 24 * 365) }),
]);
export type SnoozeRequest = z.infer<typeof snoozeRequest>;

export const evaluationSummary = z.object({
  at: isoDateTime,
  rules: z.number().int(),
  opened: z.number().int(),
  updated: z.number().int(),
  resolved: z.number().int(),
  reminded: z.number().int(),
  /** Rules whose source tables are not there yet, or that failed, with the reason. */
  skipped: z.array(z.object({ ruleId: z.uuid(), reason: z.string() })),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;

// ---------------------------------------------------------------- channels

export const webhookInput = z.object({
  name,
  url: httpUrl,
  /** The HMAC-SHA256 key the receiver checks signatures with; at least 16 characters. */
  secret: secret(16),
  enabled: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof webhookInput>;
export const webhookUpdate = webhookInput.partial();
export const webhookRecord = z.object({
  id: z.uuid(), name: z.string(), url: z.string(), enabled: z.boolean(), createdAt: isoDateTime, updatedAt: isoDateTime,
});
export type WebhookRecord = z.infer<typeof webhookRecord>;

export const smtpSettingsInput = z.object({
  host: text(255).min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** tls: TLS from the first byte (465); starttls: upgrade required; none: plain (a local relay). */
  security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
  username: text(320).optional(),
  password: secret().optional(),
  from: emailAddress,
});
export const notificationSettingsInput = z.object({
  smtp: smtpSettingsInput.nullable().optional(),
  digest: z.object({
    /** When the daily digest goes out (cron, five fields) and in which time zone. */
    cron: text(128).default('0 7 * * *'),
    timezone: text(64).default('UTC'),
    /** Receive every rule's alerts in the digest, whatever the rules route. */
    recipients: z.array(emailAddress).max(50).default([]),
  }).optional(),
});
export type NotificationSettingsInput = z.input<typeof notificationSettingsInput>;
export const notificationSettings = z.object({
  smtp: smtpSettingsInput.omit({ password: true }).extend({ passwordSet: z.boolean() }).nullable(),
  digest: z.object({ cron: z.string(), timezone: z.string(), recipients: z.array(z.string()) }),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

/** A message sent through the stored relay now, to check it before an alert depends on it. */
export const testEmailRequest = z.object({ to: emailAddress });
/** What a test of a channel (e-mail relay, webhook) found: sent or not, and the far end's answer or the reason. */
export const channelTestAnswer = z.object({ sent: z.boolean(), detail: z.string() });
export type ChannelTestAnswer = z.infer<typeof channelTestAnswer>;

export const deliveryRecord = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'webhook', 'ticket']),
  event: z.string(),
  alertId: z.uuid().nullable(),
  targetId: z.string().nullable(),
  state: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  createdAt: isoDateTime,
  deliveredAt: isoDateTime.nullable(),
});
export type DeliveryRecord = z.infer<typeof deliveryRecord>;
export const deliveryListQuery = pageQuery.extend({
  channel: z.enum(['email', 'webhook', 'ticket']).optional(),
  state: listOf(z.enum(['pending', 'sending', 'delivered', 'failed'])).optional(),
  alertId: z.uuid().optional(),
});

// ---------------------------------------------------------------- helpdesk connectors

export const integrationKind = z.enum(['servicenow', 'jira', 'glpi', 'zammad']);
export type IntegrationKind = z.infer<typeof integrationKind>;

const integrationBase = z.object({
  name,
  baseUrl: httpUrl,
  enabled: z.boolean().default(true),
  /** Close the ticket when its alert resolves or its finding is resolved or dismissed. */
  autoClose: z.boolean().default(true),
});

export const integrationInput = z.discriminatedUnion('kind', [
  integrationBase.extend({
    kind: z.literal('servicenow'),
    username: text(256).min(1),
    password: secret().optional(),
    /** Resolution code the instance accepts (the list differs between releases). */
    closeCode: text(128).default('Solution provided'),
    callerId: text(128).optional(),
    assignmentGroup: text(128).optional(),
    category: text(128).optional(),
  }),
  integrationBase.extend({
    kind: z.literal('jira'),
    /** The Atlassian account e-mail the API token belongs to. */
    username: text(320).min(1),
    apiToken: secret().optional(),
    /** issue: a plain issue in a project; request: a customer request in a service desk. */
    mode: z.enum(['issue', 'request']).default('issue'),
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/).optional(),
    issueType: text(128).default('Task'),
    serviceDeskId: z.string().regex(/^\d{1,12}$/).optional(),
    requestTypeId: z.string().regex(/^\d{1,12}$/).optional(),
    /** The transition that closes; by default the first one leading to a "done" status. */
    closeTransition: text(128).optional(),
  }),
  integrationBase.extend({
    kind: z.literal('glpi'),
    appToken: secret().optional(),
    userToken: secret().optional(),
    /** 5 = solved, 6 = closed. */
    closeStatus: z.union([z.literal(5), z.literal(6)]).default(5),
    entityId: z.number().int().min(0).optional(),
  }),
  integrationBase.extend({
    kind: z.literal('zammad'),
    token: secret().optional(),
    group: text(256).min(1),
    /** E-mail or login of the customer tickets are opened for. */
    customer: text(320).min(1),
  }),
]);
export type IntegrationInput = z.input<typeof integrationInput>;
export type IntegrationFields = z.infer<typeof integrationInput>;

export const integrationRecord = z.object({
  id: z.uuid(),
  kind: integrationKind,
  name: z.string(),
  baseUrl: z.string(),
  enabled: z.boolean(),
  autoClose: z.boolean(),
  /** Every field but the secrets. */
  settings: z.record(z.string(), z.unknown()),
  /** Which secrets are stored (their values are never answered). */
  secretsSet: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type IntegrationRecord = z.infer<typeof integrationRecord>;

export const ticketRequest = z.union([z.object({ alertId: z.uuid() }), z.object({ findingId: z.uuid() })]);

// ---------------------------------------------------------------- service tokens and lookup

export const serviceTokenScope = z.enum(['lookup', 'metrics']);
export const serviceTokenInput = z.object({ name, scopes: z.array(serviceTokenScope).min(1).max(2) });
export type ServiceTokenInput = z.infer<typeof serviceTokenInput>;
export const serviceTokenRecord = z.object({
  id: z.uuid(), name: z.string(), scopes: z.array(serviceTokenScope), createdBy: z.string(), createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(), revokedAt: isoDateTime.nullable(),
});
/** The token itself is answered once, when it is made. */
export const serviceTokenCreated = serviceTokenRecord.extend({ token: z.string() });

export const assetLookupQuery = z.object({
  tag: text(64).min(1).optional(),
  serial: text(128).min(1).optional(),
  hostname: text(255).min(1).optional(),
  /** A person's username or e-mail: the assets they hold. */
  user: text(320).min(1).optional(),
}).refine((q) => [q.tag, q.serial, q.hostname, q.user].filter(Boolean).length === 1, {
  message: 'give exactly one of tag, serial, hostname, user', path: ['tag'],
});
export type AssetLookupQuery = z.infer<typeof assetLookupQuery>;

export const lookupTicket = z.object({
  system: integrationKind, integrationName: z.string(), externalKey: z.string().nullable(), url: z.string().nullable(),
  about: z.string(), openedAt: isoDateTime,
});
export const lookupAsset = z.object({
  id: z.uuid(), tag: z.string(), name: z.string(), status: z.string(), serial: z.string().nullable(),
  category: z.string(), model: z.string().nullable(), manufacturer: z.string().nullable(), location: z.string().nullable(),
  department: z.string().nullable(), hostname: z.string().nullable(),
  assignedTo: z.object({ type: z.string(), id: z.uuid(), name: z.string(), since: isoDateTime.nullable(), expectedReturn: z.string().nullable() }).nullable(),
  assignments: z.array(z.object({
    targetType: z.string(), targetName: z.string(), checkedOutAt: isoDateTime, checkedInAt: isoDateTime.nullable(),
  })),
  warranty: z.object({ expires: z.string().nullable(), active: z.boolean().nullable(), daysLeft: z.number().int().nullable() }),
  openTickets: z.array(lookupTicket),
  openAlerts: z.array(z.object({ id: z.uuid(), kind: alertRuleKind, severity: alertSeverity, summary: z.string() })),
});
export type LookupAsset = z.infer<typeof lookupAsset>;
export const assetLookupAnswer = z.object({ items: z.array(lookupAsset) });

// ---------------------------------------------------------------- reports

export const reportKind = z.enum(['utilisation', 'maintenance-costs', 'renewals', 'depreciation', 'replacement-plan', 'cis-coverage']);
export type ReportKind = z.infer<typeof reportKind>;
export const reportFormat = z.enum(['json', 'csv', 'pdf']);
export type ReportFormat = z.infer<typeof reportFormat>;

const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Each report's parameters; query strings arrive as text, so numbers are coerced. */
export const reportParams = {
  utilisation: z.object({ idleDays: intParam(1, 3650).default(30) }),
  'maintenance-costs': z.object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    groupBy: z.enum(['asset', 'category', 'period']).default('category'),
    period: z.enum(['month', 'quarter', 'year']).default('month'),
  }),
  renewals: z.object({ days: intParam(1, 3650).default(90) }),
  depreciation: z.object({ at: isoDate.optional(), years: intParam(1, 30).default(5) }),
  'replacement-plan': z.object({ months: intParam(1, 240).default(12) }),
  'cis-coverage': z.object({ agentSilentDays: intParam(1, 3650).default(7) }),
} as const;

export const reportColumn = z.object({ key: z.string(), header: z.string(), kind: z.enum(['text', 'number', 'money', 'percent', 'date']) });
export const reportResult = z.object({
  kind: reportKind,
  title: z.string(),
  generatedAt: isoDateTime,
  params: z.record(z.string(), z.unknown()),
  columns: z.array(reportColumn),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  /** Headline figures (totals, shares) shown above the table. */
  summary: z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number(), z.null()]) })),
});
export type ReportResult = z.infer<typeof reportResult>;

/** The reconciliation reports, which can be scheduled like the register reports. */
export const reconcileReportKind = z.enum(['license-reconciliation', 'device-reconciliation']);
export type ReconcileReportKind = z.infer<typeof reconcileReportKind>;
export const scheduledReportKind = z.enum([...reportKind.options, ...reconcileReportKind.options]);
export type ScheduledReportKind = z.infer<typeof scheduledReportKind>;
export const reconcileReportParams = {
  'license-reconciliation': z.object({ groupBy: licenceReportGrouping.default('product') }),
  'device-reconciliation': z.object({}),
} as const;

export const reportScheduleInput = z.object({
  name,
  report: scheduledReportKind,
  params: z.record(z.string(), z.unknown()).default({}),
  format: z.enum(['csv', 'pdf']).default('pdf'),
  cron: text(128),
  timezone: text(64).default('UTC'),
  recipients: z.array(emailAddress).min(1).max(50),
  enabled: z.boolean().default(true),
});
export type ReportScheduleInput = z.input<typeof reportScheduleInput>;
export const reportScheduleRecord = reportScheduleInput.extend({
  id: z.uuid(), nextRunAt: isoDateTime.nullable(), lastRunAt: isoDateTime.nullable(), createdAt: isoDateTime,
});
export type ReportScheduleRecord = z.infer<typeof reportScheduleRecord>;

/**
 * Where webhooks, helpdesk connectors, the SMTP relay and domain registries (RDAP) may connect.
 * Off by default: on a self-hosted install the helpdesk, the relay and the receivers usually sit on
 * the same private network. Link-local addresses and
 * cloud metadata services are refused either way.
 */
export const outboundSettings = z.object({
  /** Only public addresses: loopback, private, unique-local and other special ranges refused too. */
  publicOnly: z.boolean().default(false),
});
export type OutboundSettings = z.infer<typeof outboundSettings>;
