import { createHash } from 'node:crypto';
import type { Queryable } from '../store/database.js';
import { insertAuditRow, listAuditRows, lockAuditChain, type AuditRow, type NewAuditRow } from '../store/audit.js';

/** The hash the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  actorRole?: string;
  sourceIp?: string;
  /** What was done, as `area.verb` (for example `asset.update`, `auth.login.failed`). */
  action: string;
  objectType?: string;
  objectId?: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every depth: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function entryHash(row: Omit<NewAuditRow, 'hash'>): string {
  const body = canonicalJson({
    at: new Date(row.at).toISOString(), actor: row.actor, actorRole: row.actor_role, sourceIp: row.source_ip,
    action: row.action, objectType: row.object_type, objectId: row.object_id, before: row.before, after: row.after,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * Appends an entry to the audit log. Call it inside the transaction of the change it records, so the
 * change and its record commit or vanish together.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry, at = new Date()): Promise<void> {
  const prev = (await lockAuditChain(tx)) ?? GENESIS_HASH;
  // Round-trip through JSON so what is hashed is exactly what the database keeps.
  const roundTrip = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  const row: Omit<NewAuditRow, 'hash'> = {
    at, actor: entry.actor, actor_role: entry.actorRole ?? null, source_ip: entry.sourceIp ?? null, action: entry.action,
    object_type: entry.objectType ?? null, object_id: entry.objectId ?? null,
    before: roundTrip(entry.before), after: roundTrip(entry.after), prev_hash: prev,
  };
  await insertAuditRow(tx, { ...row, hash: entryHash(row) });
}

export interface ChainVerdict {
  entries: number;
  intact: boolean;
  /** The first entry whose hash or link does not hold. */
  brokenAt?: { id: number; reason: string };
}

/** Walks the whole chain and recomputes every hash. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const rows: AuditRow[] = await listAuditRows(db, { afterId, limit: pageSize });
    for (const row of rows) {
      entries++;
      if (row.prev_hash !== prev) return { entries, intact: false, brokenAt: { id: row.id, reason: 'does not link to the entry before it' } };
      if (entryHash(row) !== row.hash) return { entries, intact: false, brokenAt: { id: row.id, reason: 'its content does not match its hash' } };
      prev = row.hash;
      afterId = row.id;
    }
    if (rows.length < pageSize) return { entries, intact: true };
  }
}
