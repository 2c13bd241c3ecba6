import type { AlertRouting } from '@steward/shared';
import { alertsForDigest, type AlertRow } from '../store/alerts/alerts.js';
import { enqueueDeliveries, type NewDelivery } from '../store/alerts/deliveries.js';
import { readNotificationSettings } from '../store/alerts/notification-settings.js';
import { listRules } from '../store/alerts/rules.js';
import type { AlertDeps } from './alert-deps.js';
import { digestScheduleOf } from './notification-service.js';

const DAY_MS = 86_400_000;

/** Who gets a digest, and of which rules ('all' for the digest recipients of the settings). */
async function digestAudience(deps: AlertDeps): Promise<Map<string, Set<string> | 'all'>> {
  const audience = new Map<string, Set<string> | 'all'>();
  for (const rule of await listRules(deps.db, true)) {
    const email = (rule.routing as AlertRouting).email;
    if (email.mode !== 'digest') continue;
    for (const to of email.recipients) {
      const current = audience.get(to);
      if (current === 'all') continue;
      audience.set(to, (current ?? new Set()).add(rule.id));
    }
  }
  const settings = await readNotificationSettings(deps.db);
  for (const to of digestScheduleOf(settings.digest).recipients) audience.set(to, 'all');
  return audience;
}

function line(a: AlertRow): string {
  const state = a.state === 'resolved' ? `resolved ${new Date(a.resolved_at!).toISOString().slice(0, 16).replace('T', ' ')}` : a.state;
  return `  [${a.severity}] ${a.summary} (${a.rule_name}; ${state})`;
}

export function digestText(alerts: AlertRow[], now: Date): { subject: string; text: string } {
  const live = alerts.filter((a) => a.state !== 'resolved');
  const resolved = alerts.filter((a) => a.state === 'resolved');
  const text = [
    `Steward alerts on ${now.toISOString().slice(0, 10)}`,
    '',
    `Open (${live.length}):`,
    ...(live.length ? live.map(line) : ['  none']),
    '',
    `Resolved in the last 24 hours (${resolved.length}):`,
    ...(resolved.length ? resolved.map(line) : ['  none']),
    '',
  ].join('\n');
  return { subject: `[Steward] daily digest: ${live.length} open, ${resolved.length} resolved`, text };
}

/** Queues one digest e-mail per recipient who has anything to read; returns how many. */
export async function queueDigests(deps: AlertDeps, now: Date): Promise<number> {
  const since = new Date(now.getTime() - DAY_MS);
  const out: NewDelivery[] = [];
  for (const [to, rules] of await digestAudience(deps)) {
    const alerts = await alertsForDigest(deps.db, rules === 'all' ? 'all' : [...rules], since, now);
    if (alerts.length === 0) continue;
    out.push({ channel: 'email', event: 'digest', alertId: null, targetId: null, payload: { to: [to], ...digestText(alerts, now) } });
  }
  await enqueueDeliveries(deps.db, out);
  return out.length;
}
