import type { AlertRecord } from '@steward/shared';
import type { AlertRow } from '../store/alerts/alerts.js';
import type { TicketContent } from '../integrations/connector.js';

export type AlertEvent = 'opened' | 'updated' | 'acknowledged' | 'snoozed' | 'reminded' | 'resolved';

const SUBJECT_PREFIX: Record<AlertEvent, string> = {
  opened: 'new', updated: 'changed', acknowledged: 'acknowledged', snoozed: 'snoozed', reminded: 'reminder', resolved: 'resolved',
};

function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
}

export function alertText(a: AlertRow): string {
  return [
    a.summary,
    '',
    `Rule: ${a.rule_name} (${a.kind})`,
    `Severity: ${a.severity}`,
    `Subject: ${a.subject_type} ${a.subject_id ?? a.subject_key}`,
    `First detected: ${new Date(a.first_detected).toISOString()}`,
    ...(a.resolved_at ? [`Resolved: ${new Date(a.resolved_at).toISOString()}`] : []),
    '',
    'Details:',
    ...detailLines(a.details),
    '',
    `Alert ${a.id}`,
  ].join('\n');
}

export function alertEmail(event: AlertEvent, a: AlertRow): { subject: string; text: string } {
  return { subject: `[Steward] ${SUBJECT_PREFIX[event]} ${a.severity}: ${a.summary}`.slice(0, 250), text: alertText(a) };
}

/** The JSON a webhook receives; the same bytes are signed. */
export function webhookBody(event: AlertEvent, alert: AlertRecord, at: Date): string {
  return JSON.stringify({ event: `alert.${event}`, occurredAt: at.toISOString(), alert });
}

export function ticketContent(a: AlertRow): TicketContent {
  return { title: `[${a.severity}] ${a.summary}`, description: alertText(a), severity: a.severity, reference: `alert:${a.id}` };
}
