import type { Queryable } from '../database.js';

/**
 * Asks for devices to be reconciled; a device already waiting keeps its place. `softwareOnly` says
 * only their software moved; a device also waiting for any other reason is reconciled in full.
 */
export async function queueDevices(db: Queryable, deviceIds: string[], options: { softwareOnly?: boolean } = {}): Promise<void> {
  if (deviceIds.length === 0) return;
  await db.query(
    `insert into reconcile_queue (device_id, software_only) select unnest($1::uuid[]), $2
     on conflict (device_id) do update set software_only = false where reconcile_queue.software_only and not excluded.software_only`,
    [deviceIds, options.softwareOnly === true],
  );
}

export async function queueProducts(db: Queryable, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await db.query(
    'insert into reconcile_product_queue (product_id) select unnest($1::text[]) on conflict (product_id) do nothing',
    [productIds],
  );
}

/**
 * Takes up to `limit` waiting devices for this transaction: rows another collector holds are
 * skipped, and the rows are gone once the transaction commits (back in the queue if it fails).
 */
export async function claimDevices(db: Queryable, limit: number): Promise<string[]> {
  return (await claimQueuedDevices(db, limit)).map((d) => d.deviceId);
}

/** claimDevices, with whether each device waited only because its software moved. */
export async function claimQueuedDevices(db: Queryable, limit: number): Promise<Array<{ deviceId: string; softwareOnly: boolean }>> {
  const { rows } = await db.query<{ device_id: string; software_only: boolean }>(
    `delete from reconcile_queue where device_id in (
       select device_id from reconcile_queue order by queued_at limit $1 for update skip locked)
     returning device_id, software_only`,
    [limit],
  );
  return rows.map((r) => ({ deviceId: r.device_id, softwareOnly: r.software_only }));
}

export async function claimProducts(db: Queryable, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ product_id: string }>(
    `delete from reconcile_product_queue where product_id in (
       select product_id from reconcile_product_queue order by queued_at limit $1 for update skip locked)
     returning product_id`,
    [limit],
  );
  return rows.map((r) => r.product_id);
}

/** Forgets work a full reconciliation that started at `since` has covered. */
export async function clearQueuedBefore(db: Queryable, since: Date): Promise<void> {
  await db.query('delete from reconcile_queue where queued_at < $1', [since]);
  await db.query('delete from reconcile_product_queue where queued_at < $1', [since]);
}

export async function queueLengths(db: Queryable): Promise<{ devices: number; products: number }> {
  const { rows } = await db.query<{ devices: number; products: number }>(
    'select (select count(*)::int from reconcile_queue) as devices, (select count(*)::int from reconcile_product_queue) as products',
  );
  return rows[0] ?? { devices: 0, products: 0 };
}

/** Drops one device from the queue: used when reconciling it failed, so it does not block the rest. */
export async function dropQueuedDevice(db: Queryable, deviceId: string): Promise<void> {
  await db.query('delete from reconcile_queue where device_id = $1', [deviceId]);
}

/** A value that changes whenever register assets, people or departments change. */
export async function registerFingerprint(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ f: string }>(
    `select concat_ws('|',
       (select count(*) || ':' || coalesce(max(updated_at)::text, '') from register_assets),
       (select count(*) || ':' || coalesce(max(updated_at)::text, '') from register_people),
       (select count(*) || ':' || coalesce(max(updated_at)::text, '') from register_departments),
       (select count(*) || ':' || coalesce(max(updated_at)::text, '') from register_models),
       (select count(*) from register_transitions)) as f`,
  );
  return rows[0]?.f ?? '';
}
