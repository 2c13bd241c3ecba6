import type { Queryable } from '../../store/database.js';
import { insertHistory, type HistoryRecord } from '../../store/register/history.js';
import { recordAudit } from '../audit.js';
import type { Actor } from './actor.js';

/** A change to one register object, before `by` is filled in from the actor. */
export type RegisterChange = Omit<HistoryRecord, 'by'>;

/** One change that touched many objects (an import, a bulk edit, an audit round): one audit entry naming its rows. */
export interface BulkChange {
  action: string;
  objectType?: string;
  objectId?: string;
  /** Objects the change touched whose history is written elsewhere (the rows of an import). */
  also?: Array<Pick<RegisterChange, 'objectType' | 'objectId' | 'action'>>;
  details?: Record<string, unknown>;
}

const auditAction = (objectType: string, action: string) => `register.${objectType}.${action.replace(/:/g, '.')}`;

/** The objects a bulk change touched, as `{ action: { objectType: [ids] } }`: compact however many rows. */
function rowsNamed(rows: NonNullable<BulkChange['also']>): Record<string, Record<string, string[]>> {
  const named: Record<string, Record<string, string[]>> = {};
  for (const r of rows) ((named[r.action] ??= {})[r.objectType] ??= []).push(r.objectId);
  return named;
}

/**
 * Writes a register change to the audit log, inside the change's transaction: a change to one
 * object with its before and after, a bulk change as one entry naming every row it touched.
 */
export async function auditChanges(tx: Queryable, actor: Actor, changes: RegisterChange[], bulk?: BulkChange): Promise<void> {
  const who = { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp };
  if (!bulk) {
    for (const c of changes) {
      await recordAudit(tx, { ...who, action: auditAction(c.objectType, c.action), objectType: c.objectType, objectId: c.objectId, before: c.before, after: c.after });
    }
    return;
  }
  await recordAudit(tx, {
    ...who, action: `register.${bulk.action}`, objectType: bulk.objectType, objectId: bulk.objectId,
    after: { ...bulk.details, rows: rowsNamed([...changes, ...(bulk.also ?? [])]) },
  });
}

/** Keeps a register change in the register's history (per object) and in the audit log, in the change's transaction. */
export async function recordChanges(tx: Queryable, actor: Actor, changes: RegisterChange[], bulk?: BulkChange): Promise<void> {
  await insertHistory(tx, changes.map((c) => ({ ...c, by: actor.username })));
  await auditChanges(tx, actor, changes, bulk);
}
