import { checkoutsDueBefore, scheduledAssets, type ScheduledAssetRow } from '../../store/alerts/sources/register-sources.js';
import type { Queryable } from '../../store/database.js';
import type { AlertCandidate, RuleSource } from './candidate.js';
import { addDays, daysBetween, isoDay, relativeDays } from './calendar-days.js';
import { nextMaintenanceDue } from './next-maintenance-due.js';

interface DueItem {
  row: ScheduledAssetRow;
  dueOn: string;
}

async function maintenanceDueDates(db: Queryable): Promise<DueItem[]> {
  const items: DueItem[] = [];
  for (const row of await scheduledAssets(db)) {
    const dueOn = nextMaintenanceDue({
      startsOn: row.starts_on, intervalDays: row.interval_days, intervalMonths: row.interval_months, cron: row.cron, lastDone: row.last_done,
    });
    if (dueOn) items.push({ row, dueOn });
  }
  return items;
}

function maintenanceCandidate({ row, dueOn }: DueItem, today: string, kind: 'due' | 'overdue'): AlertCandidate {
  const n = daysBetween(today, dueOn);
  return {
    subjectType: 'asset',
    subjectId: row.asset_id,
    // The due date is in the key: once done, the next occurrence is a new alert.
    subjectKey: `maintenance:${row.schedule_id}:${row.asset_id}:${dueOn}`,
    summary: `${row.tag} ${row.name}: ${row.title} ${kind === 'due' ? `due ${relativeDays(n)}` : `overdue since ${dueOn} (${-n} days)`}`,
    details: { scheduleId: row.schedule_id, assetId: row.asset_id, tag: row.tag, title: row.title, dueOn, lastDone: row.last_done, estimatedCost: row.estimated_cost },
  };
}

export const maintenanceDue: RuleSource<'maintenance_due'> = {
  tables: ['register_maintenance_schedules', 'register_work_orders', 'register_assets'],
  async find(db, params, now) {
    const today = isoDay(now);
    const until = addDays(today, params.days);
    return (await maintenanceDueDates(db))
      .filter((i) => i.dueOn >= today && i.dueOn <= until)
      .map((i) => maintenanceCandidate(i, today, 'due'));
  },
};

export const maintenanceOverdue: RuleSource<'maintenance_overdue'> = {
  tables: ['register_maintenance_schedules', 'register_work_orders', 'register_assets'],
  async find(db, params, now) {
    const today = isoDay(now);
    const before = addDays(today, -params.graceDays);
    return (await maintenanceDueDates(db)).filter((i) => i.dueOn < before).map((i) => maintenanceCandidate(i, today, 'overdue'));
  },
};

export const checkoutOverdue: RuleSource<'checkout_overdue'> = {
  tables: ['register_assignments', 'register_assets'],
  async find(db, params, now) {
    const today = isoDay(now);
    const rows = await checkoutsDueBefore(db, addDays(today, -params.graceDays));
    return rows.map((g) => ({
      subjectType: 'asset',
      subjectId: g.asset_id,
      subjectKey: `checkout:${g.assignment_id}`,
      summary: `${g.tag} ${g.name}: due back from ${g.target_name ?? g.target_type} on ${g.expected_return} (${daysBetween(g.expected_return, today)} days overdue)`,
      details: {
        assignmentId: g.assignment_id, assetId: g.asset_id, tag: g.tag, holderType: g.target_type, holderId: g.target_id,
        holder: g.target_name, expectedReturn: g.expected_return, checkedOutAt: new Date(g.checked_out_at).toISOString(),
      },
    }));
  },
};
