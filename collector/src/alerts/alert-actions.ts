import type { AlertListQuery, AlertRecord, AlertRouting, SnoozeRequest } from '@steward/shared';
import { ApiProblem } from '../services/errors.js';
import type { Queryable } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import { acknowledgeAlert, findAlert, listAlerts, snoozeAlert } from '../store/alerts/alerts.js';
import { findRule } from '../store/alerts/rules.js';
import type { AlertDeps } from './alert-deps.js';
import { routeChanges, type AlertChange } from './alert-routing.js';
import { alertViews } from './alert-view.js';
import { publishChanges } from './evaluate-alerts.js';

export async function listAlertRecords(deps: AlertDeps, q: AlertListQuery): Promise<{ items: AlertRecord[]; total: number }> {
  const page = await listAlerts(deps.db, q, new Date());
  return { items: await alertViews(deps.db, page.items), total: page.total };
}

export async function readAlertRecord(deps: AlertDeps, id: string): Promise<AlertRecord> {
  const row = await findAlert(deps.db, id);
  if (!row) throw new ApiProblem(404, 'not_found', `no alert with id ${id}`);
  return (await alertViews(deps.db, [row]))[0]!;
}

/** Stores a person's action on an alert and tells the rule's channels about it. */
async function act(deps: AlertDeps, id: string, event: 'acknowledged' | 'snoozed', change: (tx: Queryable, now: Date) => Promise<boolean>): Promise<AlertRecord> {
  const now = new Date();
  const changes = await deps.db.transaction(async (tx) => {
    const before = await findAlert(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no alert with id ${id}`);
    if (!(await change(tx, now))) throw new ApiProblem(409, 'alert_state', `the alert is ${before.state}; it cannot be ${event}`);
    const rule = await findRule(tx, before.rule_id);
    const after = (await findAlert(tx, id))!;
    const list: AlertChange[] = [{ event, alert: after, routing: rule!.routing as AlertRouting }];
    await routeChanges(tx, list, now);
    return list;
  });
  await publishChanges(deps, changes, now);
  return readAlertRecord(deps, id);
}

export function acknowledge(deps: AlertDeps, user: UserRow, id: string): Promise<AlertRecord> {
  return act(deps, id, 'acknowledged', (tx, now) => acknowledgeAlert(tx, id, user.username, now));
}

export function snooze(deps: AlertDeps, id: string, request: SnoozeRequest): Promise<AlertRecord> {
  const until = 'until' in request ? new Date(request.until) : new Date(Date.now() + request.minutes * 60_000);
  if (until.getTime() <= Date.now()) throw new ApiProblem(400, 'invalid_body', 'invalid body: until: must be in the future', ['until: must be in the future']);
  return act(deps, id, 'snoozed', (tx) => snoozeAlert(tx, id, until));
}
