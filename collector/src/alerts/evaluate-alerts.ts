import { randomUUID } from 'node:crypto';
import type { AlertRouting, EvaluationSummary, LiveEvent } from '@steward/shared';
import { canonicalJson } from '../services/audit.js';
import {
  endSnoozes, insertAlerts, liveAlertsOfRule, lockRuleEvaluation, refreshAlerts, resolveAlerts, type AlertRow,
} from '../store/alerts/alerts.js';
import { listRules, type AlertRuleRow } from '../store/alerts/rules.js';
import { missingTables } from '../store/alerts/sources/table-presence.js';
import type { AlertDeps } from './alert-deps.js';
import { routeChanges, type AlertChange } from './alert-routing.js';
import { metrics } from './metrics.js';
import type { AlertCandidate } from './rules/candidate.js';
import { RULE_SOURCES } from './rules/rule-sources.js';

async function findCandidates(deps: AlertDeps, rule: AlertRuleRow, now: Date): Promise<AlertCandidate[] | string> {
  const source = RULE_SOURCES[rule.kind];
  const missing = await missingTables(deps.db, source.tables);
  if (missing.length > 0) return `waiting for ${missing.join(', ')}`;
  try {
    const found = await source.find(deps.db, rule.params as never, now);
    // One candidate per key: two causes with the same key are one alert.
    return [...new Map(found.map((c) => [c.subjectKey, c])).values()];
  } catch (error) {
    deps.log.error({ err: error, rule: rule.id, kind: rule.kind }, 'alert rule failed; its alerts are left as they are');
    return `failed: ${(error as Error).message}`;
  }
}

/** Compares what the rule finds now with its live alerts, stores the difference and routes it. */
async function applyRule(deps: AlertDeps, rule: AlertRuleRow, candidates: AlertCandidate[], now: Date): Promise<AlertChange[]> {
  return deps.db.transaction(async (tx) => {
    await lockRuleEvaluation(tx, rule.id);
    const live = new Map((await liveAlertsOfRule(tx, rule.id)).map((a) => [a.subject_key, a]));
    const changes: AlertChange[] = [];
    const add = (event: AlertChange['event'], alert: AlertRow) => changes.push({ event, alert, routing: rule.routing as AlertRouting });
    const fresh: AlertRow[] = [];
    const seen: Array<{ id: string; summary: string; severity: AlertRow['severity']; details: Record<string, unknown> }> = [];
    const snoozeOver: string[] = [];
    for (const c of candidates) {
      const current = live.get(c.subjectKey);
      if (!current) {
        fresh.push({
          id: randomUUID(), rule_id: rule.id, rule_name: rule.name, kind: rule.kind, subject_type: c.subjectType, subject_id: c.subjectId,
          subject_key: c.subjectKey, state: 'open', severity: rule.severity, summary: c.summary, details: c.details, first_detected: now,
          last_detected: now, acknowledged_at: null, acknowledged_by: null, snoozed_until: null, resolved_at: null,
        });
        continue;
      }
      live.delete(c.subjectKey);
      seen.push({ id: current.id, summary: c.summary, severity: rule.severity, details: c.details });
      const next = { ...current, summary: c.summary, severity: rule.severity, details: c.details, last_detected: now };
      if (current.snoozed_until && new Date(current.snoozed_until) <= now) {
        snoozeOver.push(current.id);
        add('reminded', { ...next, snoozed_until: null });
      } else if (canonicalJson(current.details) !== canonicalJson(c.details) || current.severity !== rule.severity) {
        add('updated', next);
      }
    }
    const gone = [...live.values()];
    await insertAlerts(tx, rule.id, now, fresh);
    await refreshAlerts(tx, now, seen);
    await endSnoozes(tx, snoozeOver);
    await resolveAlerts(tx, gone.map((a) => a.id), now);
    for (const a of fresh) add('opened', a);
    for (const a of gone) add('resolved', { ...a, state: 'resolved', resolved_at: now, snoozed_until: null });
    await routeChanges(tx, changes, now);
    return changes;
  });
}

export async function publishChanges(deps: AlertDeps, changes: AlertChange[], now: Date): Promise<void> {
  for (const c of changes) {
    if (!c.routing.dashboard) continue;
    const event: LiveEvent = {
      type: 'alert.changed', alertId: c.alert.id, ruleId: c.alert.rule_id, change: c.event, severity: c.alert.severity,
      summary: c.alert.summary, at: now.toISOString(),
    };
    await deps.live.publish(event).catch((error: unknown) => deps.log.warn({ err: error }, 'alert: live event not published'));
  }
}

/**
 * One evaluation of every enabled rule as of `now` (injectable, so tests can move the clock):
 * new causes open alerts, causes found again keep theirs, causes gone resolve theirs, and snoozes
 * that are over remind. A rule that cannot run leaves its alerts untouched.
 */
export async function evaluateAlerts(deps: AlertDeps, now = new Date()): Promise<EvaluationSummary> {
  const stop = metrics.alertEvaluationDuration.startTimer();
  const rules = await listRules(deps.db, true);
  const summary: EvaluationSummary = { at: now.toISOString(), rules: rules.length, opened: 0, updated: 0, resolved: 0, reminded: 0, skipped: [] };
  for (const rule of rules) {
    const candidates = await findCandidates(deps, rule, now);
    if (typeof candidates === 'string') {
      summary.skipped.push({ ruleId: rule.id, reason: candidates });
      continue;
    }
    const changes = await applyRule(deps, rule, candidates, now);
    for (const c of changes) {
      if (c.event === 'opened' || c.event === 'updated' || c.event === 'resolved' || c.event === 'reminded') summary[c.event] += 1;
      metrics.alertChanges.inc({ change: c.event });
    }
    await publishChanges(deps, changes, now);
  }
  stop();
  return summary;
}
