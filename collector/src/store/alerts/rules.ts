import type { AlertRouting, AlertRuleKind, AlertSeverity } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface AlertRuleRow {
  id: string;
  name: string;
  kind: AlertRuleKind;
  enabled: boolean;
  severity: AlertSeverity;
  params: Record<string, unknown>;
  routing: AlertRouting;
  open_alerts: number;
  created_at: Date;
  updated_at: Date;
}

export interface RuleValues {
  name: string;
  kind: AlertRuleKind;
  enabled: boolean;
  severity: AlertSeverity;
  params: Record<string, unknown>;
  routing: AlertRouting;
}

const COLUMNS = `r.id, r.name, r.kind, r.enabled, r.severity, r.params, r.routing, r.created_at, r.updated_at,
  (select count(*)::int from alerts a where a.rule_id = r.id and a.state <> 'resolved') as open_alerts`;

export async function insertRule(db: Queryable, id: string, v: RuleValues): Promise<void> {
  await db.query(
    'insert into alert_rules (id, name, kind, enabled, severity, params, routing) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, v.name, v.kind, v.enabled, v.severity, JSON.stringify(v.params), JSON.stringify(v.routing)],
  );
}

export async function updateRule(db: Queryable, id: string, v: RuleValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `update alert_rules set name = $2, kind = $3, enabled = $4, severity = $5, params = $6, routing = $7, updated_at = now()
      where id = $1`,
    [id, v.name, v.kind, v.enabled, v.severity, JSON.stringify(v.params), JSON.stringify(v.routing)],
  );
  return rowCount > 0;
}

export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from alert_rules where id = $1', [id]);
  return rowCount > 0;
}

export async function findRule(db: Queryable, id: string): Promise<AlertRuleRow | undefined> {
  const { rows } = await db.query<AlertRuleRow>(`select ${COLUMNS} from alert_rules r where r.id = $1`, [id]);
  return rows[0];
}

export async function listRules(db: Queryable, onlyEnabled = false): Promise<AlertRuleRow[]> {
  const { rows } = await db.query<AlertRuleRow>(
    `select ${COLUMNS} from alert_rules r ${onlyEnabled ? 'where r.enabled' : ''} order by lower(r.name), r.id`,
  );
  return rows;
}
