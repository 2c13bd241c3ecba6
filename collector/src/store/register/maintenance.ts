import type { Queryable } from '../database.js';

export interface ActiveSchedule {
  id: string;
  title: string;
  assetId: string | null;
  modelId: string | null;
  intervalDays: number | null;
  intervalMonths: number | null;
  cron: string | null;
  startsOn: string;
}

export interface ScheduledAsset {
  scheduleId: string;
  assetId: string;
  tag: string;
  name: string;
  lastDoneOn: string | null;
}

/** Statuses of assets that are no longer kept up: nothing is due on them. */
const NOT_MAINTAINED = ['requested', 'approved', 'ordered', 'retired', 'disposed', 'lost', 'stolen'];

export async function readActiveSchedules(db: Queryable): Promise<ActiveSchedule[]> {
  const { rows } = await db.query<ActiveSchedule>(
    `select id, title, asset_id as "assetId", model_id as "modelId", interval_days as "intervalDays",
            interval_months as "intervalMonths", cron, to_char(starts_on, 'YYYY-MM-DD') as "startsOn"
       from register_maintenance_schedules where active`,
  );
  return rows;
}

/** Each maintained asset a schedule covers (its own asset, or every asset of its model), with the last completion. */
export async function readScheduledAssets(db: Queryable, scheduleIds: string[]): Promise<ScheduledAsset[]> {
  const { rows } = await db.query<ScheduledAsset>(
    `select s.id as "scheduleId", a.id as "assetId", a.tag, a.name,
            (select to_char(max(w.completed_on), 'YYYY-MM-DD') from register_work_orders w
              where w.schedule_id = s.id and w.asset_id = a.id and w.status = 'done') as "lastDoneOn"
       from register_maintenance_schedules s
       join register_assets a on a.id = s.asset_id or a.model_id = s.model_id
      where s.id = any($1::uuid[]) and a.status <> all($2::text[])`,
    [scheduleIds, NOT_MAINTAINED],
  );
  return rows;
}

/** A work order marked done without a date was done today. */
export async function stampWorkOrderCompletion(db: Queryable, id: string): Promise<void> {
  await db.query(`update register_work_orders set completed_on = current_date where id = $1 and status = 'done' and completed_on is null`, [id]);
}
