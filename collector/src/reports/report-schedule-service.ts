import { randomUUID } from 'node:crypto';
import type { ReportScheduleRecord, reportScheduleInput, ScheduledReportKind } from '@steward/shared';
import type { z } from 'zod';
import type { AlertDeps } from '../alerts/alert-deps.js';
import { nextCronRun } from '../alerts/notification-service.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import type { Database, Queryable } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import { enqueueDeliveries } from '../store/alerts/deliveries.js';
import {
  claimReportRun, deleteReportSchedule, dueReportSchedules, findReportSchedule, insertReportSchedule, listReportSchedules,
  updateReportSchedule, type ReportScheduleRow, type ReportScheduleValues,
} from '../store/alerts/report-schedules.js';
import { reportParamsOf, reportTitle } from './report-catalogue.js';

type ScheduleInput = z.infer<typeof reportScheduleInput>;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function scheduleView(r: ReportScheduleRow): ReportScheduleRecord {
  return {
    id: r.id, name: r.name, report: r.report as ScheduledReportKind, params: r.params, format: r.format, cron: r.cron, timezone: r.timezone,
    recipients: r.recipients, enabled: r.enabled, nextRunAt: iso(r.next_run_at), lastRunAt: iso(r.last_run_at), createdAt: iso(r.created_at)!,
  };
}

function valuesOf(input: ScheduleInput, now: Date): ReportScheduleValues {
  const params = reportParamsOf(input.report, input.params);
  const next = nextCronRun(input.cron, input.timezone, now);
  return { ...input, params, nextRunAt: input.enabled ? next : null };
}

export async function createSchedule(db: Database, user: UserRow, input: ScheduleInput, now = new Date()): Promise<ReportScheduleRecord> {
  const id = randomUUID();
  const values = valuesOf(input, now);
  await db.transaction(async (tx) => {
    await insertReportSchedule(tx, id, user.username, values);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'report-schedule.create', objectType: 'report-schedule', objectId: id, after: input });
  });
  return scheduleView((await findReportSchedule(db, id))!);
}

export async function changeSchedule(db: Database, user: UserRow, id: string, input: ScheduleInput, now = new Date()): Promise<ReportScheduleRecord> {
  const values = valuesOf(input, now);
  await db.transaction(async (tx) => {
    if (!(await updateReportSchedule(tx, id, values))) throw new ApiProblem(404, 'not_found', `no report schedule with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'report-schedule.update', objectType: 'report-schedule', objectId: id, after: input });
  });
  return scheduleView((await findReportSchedule(db, id))!);
}

export async function removeSchedule(db: Database, user: UserRow, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteReportSchedule(tx, id))) throw new ApiProblem(404, 'not_found', `no report schedule with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'report-schedule.delete', objectType: 'report-schedule', objectId: id });
  });
}

export async function listSchedules(db: Queryable): Promise<{ items: ReportScheduleRecord[] }> {
  return { items: (await listReportSchedules(db)).map(scheduleView) };
}

/** Queues the e-mail of one run; the report itself is rendered when the mail is sent, as of `asOf`. */
async function queueRun(db: Queryable, s: ReportScheduleRow, asOf: Date): Promise<void> {
  const title = reportTitle(s.report as ScheduledReportKind);
  await enqueueDeliveries(db, [{
    channel: 'email', event: 'report', alertId: null, targetId: s.id,
    payload: {
      to: s.recipients, subject: `[Steward] ${title} (${asOf.toISOString().slice(0, 10)})`,
      text: `${title}, as of ${asOf.toISOString()}, is attached (${s.format.toUpperCase()}).\n\nSchedule: ${s.name}\n`,
      report: { kind: s.report, params: s.params, format: s.format, asOf: asOf.toISOString() },
    },
  }]);
}

export async function runScheduleNow(db: Queryable, id: string, now = new Date()): Promise<void> {
  const s = await findReportSchedule(db, id);
  if (!s) throw new ApiProblem(404, 'not_found', `no report schedule with id ${id}`);
  await queueRun(db, s, now);
}

/** The scheduler's job: each due run is claimed by one collector, queued, and moved to its next time. */
export async function runDueReportSchedules(deps: AlertDeps, now: Date): Promise<number> {
  let queued = 0;
  for (const s of await dueReportSchedules(deps.db, now)) {
    let next: Date | null;
    try {
      next = nextCronRun(s.cron, s.timezone, now);
    } catch {
      next = null;
    }
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await claimReportRun(tx, s.id, s.next_run_at!, now, next))) return false;
      await queueRun(tx, s, s.next_run_at!);
      return true;
    });
    if (claimed) queued += 1;
  }
  return queued;
}
