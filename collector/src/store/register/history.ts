import type { RegisterObjectType } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface HistoryRecord {
  objectType: RegisterObjectType;
  objectId: string;
  action: string;
  by: string | null;
  before: unknown;
  after: unknown;
}

export interface StoredHistory extends HistoryRecord {
  id: number;
  at: string;
}

/** Writes history entries in one statement, however many (a CSV import writes thousands). */
export async function insertHistory(db: Queryable, entries: HistoryRecord[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `insert into register_history (object_type, object_id, action, by_user, before, after)
     select object_type, object_id, action, by_user, before, after
       from json_to_recordset($1::json) as r(object_type text, object_id text, action text, by_user text, before jsonb, after jsonb)`,
    [JSON.stringify(entries.map((e) => ({
      object_type: e.objectType, object_id: e.objectId, action: e.action, by_user: e.by, before: e.before ?? null, after: e.after ?? null,
    })))],
  );
}

export async function listHistory(
  db: Queryable,
  query: { objectType?: string; objectId?: string; search?: string; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ items: StoredHistory[]; total: number; totalCapped: boolean; limit: number; offset: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.objectType) { params.push(query.objectType); where.push(`object_type = $${params.length}`); }
  if (query.objectId) { params.push(query.objectId); where.push(`object_id = $${params.length}`); }
  if (query.search) { params.push(query.search); where.push(`(action = $${params.length} or by_user = $${params.length})`); }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  const [page, count] = await Promise.all([
    db.query<StoredHistory>(
      `select id::int as id, object_type as "objectType", object_id as "objectId", action,
              to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, by_user as "by", before, after
         from register_history ${filter} order by at ${direction}, id ${direction}
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.limit, query.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from register_history ${filter}`, params),
  ]);
  return { items: page.rows, total: count.rows[0]?.n ?? 0, totalCapped: false, limit: query.limit, offset: query.offset };
}
