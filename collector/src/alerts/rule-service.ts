import { randomUUID } from 'node:crypto';
import { DEFAULT_SEVERITY, type AlertRule, type AlertRuleFields } from '@steward/shared';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import type { Database, Queryable } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import { existingIntegrationIds } from '../store/alerts/integrations.js';
import { deleteRule, findRule, insertRule, listRules, updateRule, type AlertRuleRow, type RuleValues } from '../store/alerts/rules.js';
import { existingWebhookIds } from '../store/alerts/webhooks.js';

export function ruleView(r: AlertRuleRow): AlertRule {
  return {
    id: r.id, name: r.name, kind: r.kind, enabled: r.enabled, severity: r.severity, params: r.params, routing: r.routing,
    openAlerts: r.open_alerts, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function ruleValuesOf(input: AlertRuleFields): RuleValues {
  return {
    name: input.name, kind: input.kind, enabled: input.enabled, severity: input.severity ?? DEFAULT_SEVERITY[input.kind],
    params: input.params as Record<string, unknown>, routing: input.routing,
  };
}

/** A rule may only route to webhooks and helpdesks that exist. */
async function checkRouting(db: Queryable, input: AlertRuleFields): Promise<void> {
  const hooks = new Set(await existingWebhookIds(db, input.routing.webhookIds));
  const desks = new Set(await existingIntegrationIds(db, input.routing.integrationIds));
  const issues = [
    ...input.routing.webhookIds.filter((id) => !hooks.has(id)).map((id) => `routing.webhookIds: no webhook ${id}`),
    ...input.routing.integrationIds.filter((id) => !desks.has(id)).map((id) => `routing.integrationIds: no integration ${id}`),
  ];
  if (issues.length) throw new ApiProblem(400, 'invalid_body', `invalid body: ${issues.join('; ')}`, issues);
}

export async function createAlertRule(db: Database, user: UserRow, input: AlertRuleFields): Promise<AlertRule> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await checkRouting(tx, input);
    await insertRule(tx, id, ruleValuesOf(input));
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'alert-rule.create', objectType: 'alert-rule', objectId: id, after: input });
  });
  return ruleView((await findRule(db, id))!);
}

export async function changeAlertRule(db: Database, user: UserRow, id: string, input: AlertRuleFields): Promise<AlertRule> {
  await db.transaction(async (tx) => {
    const before = await findRule(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no alert rule with id ${id}`);
    await checkRouting(tx, input);
    await updateRule(tx, id, ruleValuesOf(input));
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'alert-rule.update', objectType: 'alert-rule', objectId: id, before: ruleView(before), after: input });
  });
  return ruleView((await findRule(db, id))!);
}

export async function removeAlertRule(db: Database, user: UserRow, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteRule(tx, id))) throw new ApiProblem(404, 'not_found', `no alert rule with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'alert-rule.delete', objectType: 'alert-rule', objectId: id });
  });
}

export async function readAlertRule(db: Queryable, id: string): Promise<AlertRule> {
  const row = await findRule(db, id);
  if (!row) throw new ApiProblem(404, 'not_found', `no alert rule with id ${id}`);
  return ruleView(row);
}

export async function listAlertRules(db: Queryable): Promise<{ items: AlertRule[] }> {
  return { items: (await listRules(db)).map(ruleView) };
}
