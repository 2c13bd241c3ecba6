import type { Queryable } from '../database.js';

export interface ReportScheduleRow {
  id: string;
  name: string;
  report: string;
  params: Record<string, unknown>;
  format: 'csv' | 'pdf';
  cron: string;
  timezone: string;
  recipients: string[];
  enabled: boolean;
  next_run_at: Date | null;
  last_run_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface ReportScheduleValues {
  name: string;
  report: string;
  params: Record<string, unknown>;
  format: 'csv' | 'pdf';
  cron: string;
  timezone: string;
  recipients: string[];
  enabled: boolean;
  nextRunAt: Date | null;
}

const COLUMNS = 'id, name, report, params, format, cron, timezone, recipients, enabled, next_run_at, last_run_at, created_by, created_at';

export async function insertReportSchedule(db: Queryable, id: string, by: string, v: ReportScheduleValues): Promise<void> {
  await db.query(
    `insert into report_schedules (id, name, report, params, format, cron, timezone, recipients, enabled, next_run_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, v.name, v.report, JSON.stringify(v.params), v.format, v.cron, v.timezone, v.recipients, v.enabled, v.nextRunAt, by],
  );
}

export async function updateReportSchedule(db: Queryable, id: string, v: ReportScheduleValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `update report_schedules set name = $2, report = $3, params = $4, format = $5, cron = $6, timezone = $7, recipients = $8,
            enabled = $9, next_run_at = $10, updated_at = now() where id = $1`,
    [id, v.name, v.report, JSON.stringify(v.params), v.format, v.cron, v.timezone, v.recipients, v.enabled, v.nextRunAt],
  );
  return rowCount > 0;
}

export async function deleteReportSchedule(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from report_schedules where id = $1', [id]);
  return rowCount > 0;
}

export async function findReportSchedule(db: Queryable, id: string): Promise<ReportScheduleRow | undefined> {
  const { rows } = await db.query<ReportScheduleRow>(`select ${COLUMNS} from report_schedules where id = $1`, [id]);
  return rows[0];
}

export async function listReportSchedules(db: Queryable): Promise<ReportScheduleRow[]> {
  const { rows } = await db.query<ReportScheduleRow>(`select ${COLUMNS} from report_schedules order by lower(name), id`);
  return rows;
}

export async function dueReportSchedules(db: Queryable, now: Date): Promise<ReportScheduleRow[]> {
  const { rows } = await db.query<ReportScheduleRow>(
    `select ${COLUMNS} from report_schedules where enabled and next_run_at <= $1 order by next_run_at`, [now],
  );
  return rows;
}

/** Takes one due run: only the collector whose UPDATE still sees the old due time gets it. */
export async function claimReportRun(db: Queryable, id: string, due: Date, now: Date, next: Date | null): Promise<boolean> {
  const { rowCount } = await db.query(
    'update report_schedules set next_run_at = $4, last_run_at = $3 where id = $1 and next_run_at = $2',
    [id, due, now, next],
  );
  return rowCount > 0;
}
