import type { AlertListQuery, AlertRuleKind, AlertSeverity, AlertState } from '@steward/shared';
import type { Queryable } from '../database.js';
import { escapeLike } from '../escape-like.js';

export interface AlertRow {
  id: string;
  rule_id: string;
  rule_name: string;
  kind: AlertRuleKind;
  subject_type: string;
  subject_id: string | null;
  subject_key: string;
  state: AlertState;
  severity: AlertSeverity;
  summary: string;
  details: Record<string, unknown>;
  first_detected: Date;
  last_detected: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  snoozed_until: Date | null;
  resolved_at: Date | null;
}

export interface NewAlert {
  id: string;
  subject_type: string;
  subject_id: string | null;
  subject_key: string;
  severity: AlertSeverity;
  summary: string;
  details: Record<string, unknown>;
}

const COLUMNS = `a.id, a.rule_id, r.name as rule_name, r.kind, a.subject_type, a.subject_id, a.subject_key, a.state, a.severity,
  a.summary, a.details, a.first_detected, a.last_detected, a.acknowledged_at, a.acknowledged_by, a.snoozed_until, a.resolved_at`;

/** Evaluations of one rule take turns, so two collectors never raise the same alert twice. */
export async function lockRuleEvaluation(tx: Queryable, ruleId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(7210552, hashtext($1))', [ruleId]);
}

/** The rule's alerts that are not resolved: what the next evaluation compares against. */
export async function liveAlertsOfRule(tx: Queryable, ruleId: string): Promise<AlertRow[]> {
  const { rows } = await tx.query<AlertRow>(
    `select ${COLUMNS} from alerts a join alert_rules r on r.id = a.rule_id where a.rule_id = $1 and a.state <> 'resolved'`,
    [ruleId],
  );
  return rows;
}

export async function insertAlerts(tx: Queryable, ruleId: string, at: Date, alerts: NewAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  await tx.query(
    `insert into alerts (id, rule_id, subject_type, subject_id, subject_key, severity, summary, details, first_detected, last_detected)
     select id, $1, subject_type, subject_id, subject_key, severity, summary, details, $2, $2
       from json_to_recordset($3::json) as x(id uuid, subject_type text, subject_id text, subject_key text, severity text,
            summary text, details jsonb)
     on conflict (rule_id, subject_key) where state <> 'resolved' do nothing`,
    [ruleId, at, JSON.stringify(alerts)],
  );
}

/** Marks alerts still detected; a changed summary or severity replaces the stored one. */
export async function refreshAlerts(
  tx: Queryable, at: Date, alerts: Array<{ id: string; summary: string; severity: AlertSeverity; details: Record<string, unknown> }>,
): Promise<void> {
  if (alerts.length === 0) return;
  await tx.query(
    `update alerts a set last_detected = $1, summary = x.summary, severity = x.severity, details = x.details
       from json_to_recordset($2::json) as x(id uuid, summary text, severity text, details jsonb)
      where a.id = x.id`,
    [at, JSON.stringify(alerts)],
  );
}

export async function resolveAlerts(tx: Queryable, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `update alerts set state = 'resolved', resolved_at = $2, snoozed_until = null where id = any($1::uuid[]) and state <> 'resolved'`,
    [ids, at],
  );
}

/** Ends the snoozes that are over, so the alert is told again. */
export async function endSnoozes(tx: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('update alerts set snoozed_until = null where id = any($1::uuid[])', [ids]);
}

export async function findAlert(db: Queryable, id: string): Promise<AlertRow | undefined> {
  const { rows } = await db.query<AlertRow>(`select ${COLUMNS} from alerts a join alert_rules r on r.id = a.rule_id where a.id = $1`, [id]);
  return rows[0];
}

export async function listAlerts(db: Queryable, q: AlertListQuery, now: Date): Promise<{ items: AlertRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (q.state) add((p) => `a.state = any(${p}::text[])`, q.state);
  if (q.kind) add((p) => `r.kind = any(${p}::text[])`, q.kind);
  if (q.severity) add((p) => `a.severity = any(${p}::text[])`, q.severity);
  if (q.ruleId) add((p) => `a.rule_id = ${p}`, q.ruleId);
  if (q.subjectId) add((p) => `a.subject_id = ${p}`, q.subjectId);
  if (q.search) add((p) => `lower(a.summary) like ${p}`, `%${escapeLike(q.search.toLowerCase())}%`);
  if (q.hideSnoozed) add((p) => `(a.snoozed_until is null or a.snoozed_until <= ${p})`, now);
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const from = 'from alerts a join alert_rules r on r.id = a.rule_id';
  const [page, count] = await Promise.all([
    db.query<AlertRow>(
      `select ${COLUMNS} ${from} ${filter}
        order by case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end, a.first_detected desc, a.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n ${from} ${filter}`, params),
  ]);
  return { items: page.rows, total: count.rows[0]?.n ?? 0 };
}

export async function acknowledgeAlert(db: Queryable, id: string, by: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update alerts set state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3 where id = $1 and state = 'open'`,
    [id, at, by],
  );
  return rowCount > 0;
}

export async function snoozeAlert(db: Queryable, id: string, until: Date): Promise<boolean> {
  const { rowCount } = await db.query(`update alerts set snoozed_until = $2 where id = $1 and state <> 'resolved'`, [id, until]);
  return rowCount > 0;
}

/** Alerts of the given rules (or all rules) a digest reports: live and unsnoozed, or resolved since. */
export async function alertsForDigest(db: Queryable, ruleIds: string[] | 'all', since: Date, now: Date): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `select ${COLUMNS} from alerts a join alert_rules r on r.id = a.rule_id
      where ($1::uuid[] is null or a.rule_id = any($1::uuid[]))
        and ((a.state <> 'resolved' and (a.snoozed_until is null or a.snoozed_until <= $3)) or a.resolved_at > $2)
      order by case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end, a.first_detected`,
    [ruleIds === 'all' ? null : ruleIds, since, now],
  );
  return rows;
}

export async function countLiveAlerts(db: Queryable): Promise<Array<{ severity: AlertSeverity; n: number }>> {
  const { rows } = await db.query<{ severity: AlertSeverity; n: number }>(
    `select severity, count(*)::int as n from alerts where state <> 'resolved' group by severity`,
  );
  return rows;
}
