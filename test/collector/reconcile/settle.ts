import type { TestCollector } from '../../support/collector.js';

/** Waits until this collector's reconciliation queues are empty and stay so (events arrive through NOTIFY). */
export async function settle(c: TestCollector, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 4) {
    if (Date.now() > deadline) throw new Error('reconciliation did not settle');
    await new Promise((r) => setTimeout(r, 50));
    await c.app.reconcileWorker.idle();
    const { rows } = await c.ctx.db.query<{ n: number }>(
      'select (select count(*) from reconcile_queue) + (select count(*) from reconcile_product_queue) as n');
    quiet = Number(rows[0]!.n) === 0 ? quiet + 1 : 0;
  }
}
