import { Cron } from 'croner';
import type { MaintenanceDue, MaintenanceSchedule } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import { readActiveSchedules, readScheduledAssets, stampWorkOrderCompletion, type ActiveSchedule } from '../../store/register/maintenance.js';
import { scheduleTable } from '../../store/register/maintenance-tables.js';
import { getRecord } from '../../store/register/record-table.js';
import { ApiProblem } from '../errors.js';
import { addMonths } from './depreciation.js';
import type { RecordHook } from './records.js';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

function cronOf(pattern: string): Cron {
  try {
    return new Cron(pattern, { timezone: 'UTC', paused: true });
  } catch (error) {
    throw new ApiProblem(400, 'invalid_cron', `cron: ${(error as Error).message}`, [`cron: ${(error as Error).message}`]);
  }
}

/** The first run of a cron schedule falling on `date` or later. */
function cronOnOrAfter(pattern: string, date: string): string | null {
  const next = cronOf(pattern).nextRun(new Date(Date.parse(`${date}T00:00:00Z`) - 1));
  return next ? next.toISOString().slice(0, 10) : null;
}

/**
 * When a schedule is next due on an asset. Never done: its start date (for cron, the first run on
 * or after it). Done on D: D plus the interval, or the first cron run after D.
 */
export function nextDue(schedule: Pick<ActiveSchedule, 'intervalDays' | 'intervalMonths' | 'cron' | 'startsOn'>, lastDoneOn: string | null): string | null {
  if (schedule.cron) return cronOnOrAfter(schedule.cron, lastDoneOn ? addDays(lastDoneOn, 1) : schedule.startsOn);
  if (!lastDoneOn) return schedule.startsOn;
  if (schedule.intervalDays) return addDays(lastDoneOn, schedule.intervalDays);
  if (schedule.intervalMonths) return addMonths(lastDoneOn, schedule.intervalMonths);
  return null;
}

/** Maintenance due within `withinDays` of `on` (overdue items always), earliest first. */
export async function maintenanceDue(db: Queryable, on: string, withinDays: number, overdueOnly = false): Promise<MaintenanceDue[]> {
  const schedules = await readActiveSchedules(db);
  if (schedules.length === 0) return [];
  const byId = new Map(schedules.map((s) => [s.id, s]));
  const horizon = overdueOnly ? addDays(on, -1) : addDays(on, withinDays);
  const due: MaintenanceDue[] = [];
  for (const item of await readScheduledAssets(db, schedules.map((s) => s.id))) {
    const schedule = byId.get(item.scheduleId)!;
    const dueOn = nextDue(schedule, item.lastDoneOn);
    if (!dueOn || dueOn > horizon) continue;
    const late = Math.max(daysBetween(dueOn, on), 0);
    due.push({
      scheduleId: schedule.id, title: schedule.title, assetId: item.assetId, assetTag: item.tag, assetName: item.name,
      lastDoneOn: item.lastDoneOn, dueOn, overdue: dueOn < on, daysOverdue: late,
    });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.assetTag.localeCompare(b.assetTag));
}

/** Checks a schedule as stored after a create or change: one target, one kind of interval, a valid cron. */
export const checkSchedule: RecordHook = async (tx, id) => {
  const s = await getRecord<MaintenanceSchedule>(tx, scheduleTable, id);
  if (!s) return;
  const problems: string[] = [];
  if (Boolean(s.assetId) === Boolean(s.modelId)) problems.push('assetId: give either assetId or modelId');
  if ([s.intervalDays, s.intervalMonths, s.cron].filter((v) => v !== null).length !== 1) problems.push('intervalDays: give exactly one of intervalDays, intervalMonths, cron');
  if (problems.length) throw new ApiProblem(400, 'invalid_body', problems.join('; '), problems);
  if (s.cron) cronOf(s.cron);
};

export const completeWorkOrder: RecordHook = (tx, id) => stampWorkOrderCompletion(tx, id);
