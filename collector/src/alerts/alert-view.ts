import type { AlertRecord, AlertTicket } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import type { AlertRow } from '../store/alerts/alerts.js';
import { ticketsOfAlerts, type TicketRow } from '../store/alerts/tickets.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function ticketView(t: TicketRow): AlertTicket {
  return { integrationId: t.integration_id, integrationName: t.integration_name, kind: t.kind, externalId: t.external_id, externalKey: t.external_key, url: t.url, state: t.state };
}

export function alertView(a: AlertRow, tickets: TicketRow[] = []): AlertRecord {
  return {
    id: a.id, ruleId: a.rule_id, ruleName: a.rule_name, kind: a.kind, subjectType: a.subject_type, subjectId: a.subject_id,
    subjectKey: a.subject_key, state: a.state, severity: a.severity, summary: a.summary, details: a.details,
    firstDetected: iso(a.first_detected)!, lastDetected: iso(a.last_detected)!, acknowledgedAt: iso(a.acknowledged_at),
    acknowledgedBy: a.acknowledged_by, snoozedUntil: iso(a.snoozed_until), resolvedAt: iso(a.resolved_at),
    tickets: tickets.filter((t) => t.alert_id === a.id).map(ticketView),
  };
}

export async function alertViews(db: Queryable, rows: AlertRow[]): Promise<AlertRecord[]> {
  const tickets = await ticketsOfAlerts(db, rows.map((r) => r.id));
  return rows.map((r) => alertView(r, tickets));
}
