import { lastBackupRun, scheduledBackupDue } from '../../store/backup-schedule.js';
import type { AlertCandidate, RuleSource } from './candidate.js';

const HOUR_MS = 3_600_000;

export const backupFailed: RuleSource<'backup_failed'> = {
  tables: ['settings'],
  async find(db, params, now) {
    const found: AlertCandidate[] = [];
    const last = await lastBackupRun(db);
    if (last && !last.ok) {
      found.push({
        subjectType: 'backup', subjectId: null, subjectKey: 'backup:failed',
        summary: `the ${last.trigger === 'schedule' ? 'scheduled' : 'manual'} backup of ${last.at} failed: ${last.error ?? 'no reason given'}`,
        details: { at: last.at, trigger: last.trigger, error: last.error },
      });
    }
    // Due long ago and not taken: every collector is down, or backups were turned off on all of them.
    const due = await scheduledBackupDue(db);
    if (due && due.getTime() + params.hours * HOUR_MS <= now.getTime()) {
      found.push({
        subjectType: 'backup', subjectId: null, subjectKey: 'backup:overdue',
        summary: `no backup taken since it was due at ${due.toISOString()}${last?.ok ? `; the last one was written at ${last.at}` : ''}`,
        details: { dueAt: due.toISOString(), lastAt: last?.at ?? null },
      });
    }
    return found;
  },
};
