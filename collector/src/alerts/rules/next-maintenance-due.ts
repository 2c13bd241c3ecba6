import { Cron } from 'croner';
import { addMonths } from '../../services/register/depreciation.js';
import { addDays } from './calendar-days.js';

export interface MaintenancePlan {
  startsOn: string;
  intervalDays: number | null;
  intervalMonths: number | null;
  cron: string | null;
  /** When it was last done on this asset; never done means the first one falls due on startsOn. */
  lastDone: string | null;
}

/**
 * When a scheduled maintenance falls due next: the start date until it has been done once, then one
 * interval after the last time it was done (for calendar schedules, the next cron date after it).
 */
export function nextMaintenanceDue(plan: MaintenancePlan): string | null {
  if (!plan.lastDone) return plan.startsOn;
  if (plan.intervalDays) return addDays(plan.lastDone, plan.intervalDays);
  if (plan.intervalMonths) return addMonths(plan.lastDone, plan.intervalMonths);
  if (plan.cron) {
    const next = new Cron(plan.cron, { timezone: 'UTC' }).nextRun(new Date(`${plan.lastDone}T23:59:59Z`));
    return next ? next.toISOString().slice(0, 10) : null;
  }
  return null;
}
