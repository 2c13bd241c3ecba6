import type { Queryable } from '../database.js';
import { missingTables } from './sources/table-presence.js';

/** Shared work queues and how to count what waits in each; queues of areas not installed are left out. */
const QUEUES: Record<string, { table: string; count: string }> = {
  deliveries: { table: 'alert_deliveries', count: `select count(*)::int as n from alert_deliveries where state in ('pending', 'sending')` },
  reconcile_devices: { table: 'reconcile_queue', count: 'select count(*)::int as n from reconcile_queue' },
  reconcile_products: { table: 'reconcile_product_queue', count: 'select count(*)::int as n from reconcile_product_queue' },
  snmp_polls_due: { table: 'snmp_targets', count: 'select count(*)::int as n from snmp_targets where next_poll_at <= now()' },
};

export async function queueDepths(db: Queryable): Promise<Record<string, number>> {
  const absent = new Set(await missingTables(db, Object.values(QUEUES).map((q) => q.table)));
  const depths: Record<string, number> = {};
  for (const [name, q] of Object.entries(QUEUES)) {
    if (absent.has(q.table)) continue;
    const { rows } = await db.query<{ n: number }>(q.count);
    depths[name] = rows[0]?.n ?? 0;
  }
  return depths;
}
