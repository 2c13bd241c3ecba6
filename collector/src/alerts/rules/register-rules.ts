import type { MaintenanceDue } from '@steward/shared';
import { maintenanceDue as registerMaintenanceDue } from '../../services/register/maintenance.js';
import { checkoutsDueBefore, unacceptedCheckouts } from '../../store/alerts/sources/register-sources.js';
import type { AlertCandidate, RuleSource } from './candidate.js';
import { addDays, daysBetween, isoDay, relativeDays } from './calendar-days.js';

function maintenanceCandidate(item: MaintenanceDue, today: string, kind: 'due' | 'overdue'): AlertCandidate {
  const n = daysBetween(today, item.dueOn);
  return {
    subjectType: 'asset',
    subjectId: item.assetId,
    // The due date is in the key: once done, the next occurrence is a new alert.
    subjectKey: `maintenance:${item.scheduleId}:${item.assetId}:${item.dueOn}`,
    summary: `${item.assetTag} ${item.assetName}: ${item.title} ${kind === 'due' ? `due ${relativeDays(n)}` : `overdue since ${item.dueOn} (${-n} days)`}`,
    details: { scheduleId: item.scheduleId, assetId: item.assetId, tag: item.assetTag, title: item.title, dueOn: item.dueOn, lastDone: item.lastDoneOn },
  };
}

const MAINTENANCE_TABLES = ['register_maintenance_schedules', 'register_work_orders', 'register_assets'];

export const maintenanceDue: RuleSource<'maintenance_due'> = {
  tables: MAINTENANCE_TABLES,
  async find(db, params, now) {
    const today = isoDay(now);
    const items = await registerMaintenanceDue(db, today, params.days);
    return items.filter((i) => i.dueOn >= today).map((i) => maintenanceCandidate(i, today, 'due'));
  },
};

export const maintenanceOverdue: RuleSource<'maintenance_overdue'> = {
  tables: MAINTENANCE_TABLES,
  async find(db, params, now) {
    const today = isoDay(now);
    const items = await registerMaintenanceDue(db, addDays(today, -params.graceDays), 0, true);
    return items.map((i) => maintenanceCandidate(i, today, 'overdue'));
  },
};

export const checkoutUnaccepted: RuleSource<'checkout_unaccepted'> = {
  tables: ['register_assignments', 'register_assets'],
  async find(db, params, now) {
    const rows = await unacceptedCheckouts(db, new Date(now.getTime() - params.days * 86_400_000), now);
    return rows.map((g) => ({
      subjectType: 'asset',
      subjectId: g.asset_id,
      // Per check-out: once answered or checked in it resolves, and a new check-out is a new alert.
      subjectKey: `acceptance:${g.assignment_id}`,
      summary: `${g.tag} ${g.name}: ${g.person_name ?? 'the holder'} has not accepted the check-out${g.expired ? ' and the link has expired' : ''}`,
      details: {
        assignmentId: g.assignment_id, assetId: g.asset_id, tag: g.tag, personId: g.person_id, person: g.person_name,
        checkedOutAt: new Date(g.checked_out_at).toISOString(), linkExpired: g.expired,
      },
    }));
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
