import type { Queryable } from '../database.js';

export type DeliveryChannel = 'email' | 'webhook' | 'ticket';

export interface NewDelivery {
  channel: DeliveryChannel;
  event: string;
  alertId: string | null;
  targetId: string | null;
  payload: Record<string, unknown>;
}

export interface DeliveryRow {
  id: number;
  channel: DeliveryChannel;
  event: string;
  alert_id: string | null;
  target_id: string | null;
  payload: Record<string, unknown>;
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  response_status: number | null;
  created_at: Date;
  delivered_at: Date | null;
}

const COLUMNS = `id::float8 as id, channel, event, alert_id, target_id, payload, state, attempts, next_attempt_at, last_error,
  response_status, created_at, delivered_at`;

export async function enqueueDeliveries(tx: Queryable, deliveries: NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await tx.query(
    `insert into alert_deliveries (channel, event, alert_id, target_id, payload)
     select channel, event, "alertId", "targetId", payload
       from json_to_recordset($1::json) as x(channel text, event text, "alertId" uuid, "targetId" text, payload jsonb)`,
    [JSON.stringify(deliveries)],
  );
}

/**
 * Takes up to `limit` deliveries that are due, for this worker alone: rows locked by another
 * collector are skipped, and one whose sender died (its lease ran out) is taken over.
 */
export async function claimDueDeliveries(db: Queryable, limit: number, leaseSeconds: number): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `update alert_deliveries set state = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
      where id in (select id from alert_deliveries
                    where (state = 'pending' and next_attempt_at <= now()) or (state = 'sending' and lease_until < now())
                    order by id limit $1 for update skip locked)
      returning ${COLUMNS}`,
    [limit, leaseSeconds],
  );
  return rows.sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: Queryable, id: number, status: number | null): Promise<void> {
  await db.query(
    `update alert_deliveries set state = 'delivered', delivered_at = now(), response_status = $2, last_error = null, lease_until = null,
            next_attempt_at = null where id = $1`,
    [id, status],
  );
}

export async function markRetry(db: Queryable, id: number, error: string, status: number | null, delayMs: number): Promise<void> {
  await db.query(
    `update alert_deliveries set state = 'pending', last_error = $2, response_status = $3, lease_until = null,
            next_attempt_at = now() + make_interval(secs => $4) where id = $1`,
    [id, error.slice(0, 2000), status, delayMs / 1000],
  );
}

/** A retry that does not count as an attempt: the delivery waits on another one (a ticket not yet opened). */
export async function markWaiting(db: Queryable, id: number, reason: string, delayMs: number): Promise<void> {
  await db.query(
    `update alert_deliveries set state = 'pending', attempts = attempts - 1, last_error = $2, lease_until = null,
            next_attempt_at = now() + make_interval(secs => $3) where id = $1`,
    [id, reason, delayMs / 1000],
  );
}

export async function markFailed(db: Queryable, id: number, error: string, status: number | null): Promise<void> {
  await db.query(
    `update alert_deliveries set state = 'failed', last_error = $2, response_status = $3, lease_until = null, next_attempt_at = null
      where id = $1`,
    [id, error.slice(0, 2000), status],
  );
}

export async function listDeliveries(
  db: Queryable, q: { channel?: string; state?: string[]; alertId?: string; limit: number; offset: number },
): Promise<{ items: DeliveryRow[]; total: number }> {
  const filter = `where ($1::text is null or channel = $1) and ($2::text[] is null or state = any($2::text[])) and ($3::uuid is null or alert_id = $3)`;
  const params = [q.channel ?? null, q.state ?? null, q.alertId ?? null];
  const [page, count] = await Promise.all([
    db.query<DeliveryRow>(`select ${COLUMNS} from alert_deliveries ${filter} order by id desc limit $4 offset $5`, [...params, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::int as n from alert_deliveries ${filter}`, params),
  ]);
  return { items: page.rows, total: count.rows[0]?.n ?? 0 };
}

export async function countPendingDeliveries(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from alert_deliveries where state in ('pending', 'sending')`);
  return rows[0]?.n ?? 0;
}
