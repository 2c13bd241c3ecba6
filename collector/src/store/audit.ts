import type { Queryable } from './database.js';
import { escapeLike } from './escape-like.js';

/** Any fixed number: writers of the audit log take turns on it so the chain has no forks. */
const AUDIT_CHAIN_LOCK = 7_210_552;

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  actor_role: string | null;
  source_ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'id'>;

/** Locks the chain for this transaction and returns the hash of its last entry. */
export async function lockAuditChain(db: Queryable): Promise<string | undefined> {
  await db.query('select pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const { rows } = await db.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  return rows[0]?.hash;
}

export async function insertAuditRow(db: Queryable, row: NewAuditRow): Promise<void> {
  await db.query(
    `insert into audit_log (at, actor, actor_role, source_ip, action, object_type, object_id, before, after, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [row.at, row.actor, row.actor_role, row.source_ip, row.action, row.object_type, row.object_id,
      row.before === undefined ? null : JSON.stringify(row.before), row.after === undefined ? null : JSON.stringify(row.after),
      row.prev_hash, row.hash],
  );
}

/** Which entries to list; the action filter matches a prefix. */
export interface AuditFilter {
  objectType?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

function auditWhere(filter: AuditFilter, params: unknown[]): string {
  const where: string[] = [];
  if (filter.objectType) where.push(`object_type = $${params.push(filter.objectType)}`);
  if (filter.actor) where.push(`actor = $${params.push(filter.actor)}`);
  if (filter.action) where.push(`action like $${params.push(escapeLike(filter.action) + '%')}`);
  if (filter.from) where.push(`at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`at < $${params.push(filter.to)}`);
  return where.length ? `where ${where.join(' and ')}` : '';
}

export async function listAuditRows(
  db: Queryable,
  query: AuditFilter & { afterId?: number; limit: number; offset?: number; order?: 'newest' | 'oldest' },
): Promise<AuditRow[]> {
  const params: unknown[] = [];
  let filter = auditWhere(query, params);
  if (query.afterId !== undefined) filter = `${filter ? `${filter} and` : 'where'} id > $${params.push(query.afterId)}`;
  const { rows } = await db.query<AuditRow>(
    `select id, at, actor, actor_role, source_ip, action, object_type, object_id, before, after, prev_hash, hash
       from audit_log ${filter} order by id ${query.order === 'newest' ? 'desc' : 'asc'}
      limit $${params.push(query.limit)} offset $${params.push(query.offset ?? 0)}`,
    params,
  );
  return rows;
}

export async function countAuditRows(db: Queryable, filter: AuditFilter = {}): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from audit_log ${auditWhere(filter, params)}`, params);
  return rows[0]?.n ?? 0;
}
