import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entitlement, EntitlementFields } from '@steward/shared';
import { ensureShippedCatalogue } from '../../../collector/src/reconcile/catalogue/ensure-catalogue.js';
import {
  allocate, createEntitlement, removeEntitlement, replaceEntitlement,
} from '../../../collector/src/reconcile/entitlements/entitlement-service.js';
import { runFullReconciliation } from '../../../collector/src/reconcile/run/full-reconciliation.js';
import type { MasterKeys } from '../../../collector/src/services/secrets.js';
import { migrate } from '../../../collector/src/store/migrate.js';
import { getEntitlement } from '../../../collector/src/store/reconcile/entitlements.js';
import { generateEntitlements, generateEstate, generateRegister } from '../../bench/reconcile-estate.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const actor = { username: 'officer', role: 'compliance' };
const keys: MasterKeys = { current: 'k', keys: new Map([['k', randomBytes(32)]]) };

/** An entitlement's fields as the API takes them back, with some of them changed. */
function fieldsOf(e: Entitlement, change: Partial<EntitlementFields>): EntitlementFields {
  return {
    productId: e.productId, description: e.description ?? undefined, metric: e.metric, quantity: e.quantity ?? undefined,
    release: e.release ?? undefined, downgradeRights: e.downgradeRights, editions: e.editions ?? undefined,
    minCoresPerProcessor: e.minCoresPerProcessor ?? undefined, minCoresPerDevice: e.minCoresPerDevice ?? undefined,
    termStart: e.termStart ?? undefined, termEnd: e.termEnd ?? undefined, unitCost: e.unitCost ?? undefined, currency: e.currency,
    vendor: e.vendor ?? undefined, contract: e.contract ?? undefined, ...change,
  };
}

/**
 * After each change to an entitlement, the position the change recomputed (its product's alone) is
 * the one a full reconciliation computes from scratch: every figure, every entitlement's use and
 * every install left unlicensed.
 */
describe.each(CONTRACT_BACKENDS)('the position after an entitlement change on %s', (backend) => {
  let t: TestDatabase;
  const positions = async () => (await t.db.query(
    `select product_id, metric, entitled::text, consumed::text, covered::text, shortfall::text, surplus::text, shortfall_cost::text,
            currency, installs, unlicensed, shelfware, entitlements from licence_positions order by product_id`)).rows;
  const unlicensed = async () => (await t.db.query('select product_id, device_id, units::text from licence_unlicensed order by product_id, device_id')).rows;
  const stored = async () => ({ positions: await positions(), unlicensed: await unlicensed() });
  const positionOf = async (productId: string) => (await positions()).find((p) => p.product_id === productId);

  /** The stored position after a change, then the same after a full reconciliation. */
  async function afterChangeAndFull(change: () => Promise<unknown>) {
    await change();
    const incremental = await stored();
    await runFullReconciliation(t.db);
    return { incremental, full: await stored() };
  }

  /**
   * Entitlements (counted, not site) of the product with the most installs among those with two
   * of them or more: the kind of position that costs most to recompute.
   */
  async function busiestProductEntitlements(): Promise<string[]> {
    const { rows } = await t.db.query<{ id: string }>(
      `with counted as (select id, product_id from entitlements where metric <> 'site')
       select c.id from counted c
        where c.product_id = (
          select li.product_id from licence_installs li
           where (select count(*) from counted x where x.product_id = li.product_id) >= 2
           group by li.product_id order by count(*) desc, li.product_id limit 1)
        order by c.id`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
    await ensureShippedCatalogue(t.db);
    await generateEstate(t.db, { devices: 160, installsPerDevice: 20, commercialPerDevice: 10, otherTitles: 30 });
    await generateRegister(t.db, 160);
    await runFullReconciliation(t.db);
    await generateEntitlements(t.db, 80);
    await runFullReconciliation(t.db);
  }, 300_000);
  afterAll(async () => t?.drop());

  it('starts from an estate with shortfalls, allocations and several metrics', async () => {
    const { rows } = await t.db.query<{ short: number; allocated: number; metrics: number }>(
      `select (select count(*)::int from licence_positions where shortfall > 0) as short,
              (select count(*)::int from entitlement_allocations) as allocated,
              (select count(distinct metric)::int from entitlements) as metrics`);
    expect(rows[0]!.short).toBeGreaterThan(0);
    expect(rows[0]!.allocated).toBeGreaterThan(0);
    expect(rows[0]!.metrics).toBeGreaterThan(1);
  });

  it('a quantity raised and then lowered: each position equals a full recomputation', async () => {
    const [id] = await busiestProductEntitlements();
    const before = (await getEntitlement(t.db, id!))!;
    const was = await positionOf(before.productId);
    const raised = await afterChangeAndFull(() => replaceEntitlement(t.db, keys, actor, id!, fieldsOf(before, { quantity: (before.quantity ?? 0) + 7 })));
    expect(raised.incremental).toEqual(raised.full);
    expect(raised.incremental.positions.find((p) => p.product_id === before.productId)).not.toEqual(was);
    const lowered = await afterChangeAndFull(() => replaceEntitlement(t.db, keys, actor, id!, fieldsOf(before, { quantity: 0 })));
    expect(lowered.incremental).toEqual(lowered.full);
  });

  it('an allocation to a department, and an entitlement whose term has ended: each equals a full recomputation', async () => {
    const [first, second] = await busiestProductEntitlements();
    const allocated = await afterChangeAndFull(() => allocate(t.db, actor, first!, { targetKind: 'department', target: 'department 3' }));
    expect(allocated.incremental).toEqual(allocated.full);
    const e = (await getEntitlement(t.db, second!))!;
    const ended = await afterChangeAndFull(() => replaceEntitlement(t.db, keys, actor, second!, fieldsOf(e, { termStart: '2020-01-01', termEnd: '2020-12-31' })));
    expect(ended.incremental).toEqual(ended.full);
  });

  it('a user entitlement added to a product and one removed: each equals a full recomputation', async () => {
    const { rows } = await t.db.query<{ product_id: string }>(
      'select product_id from licence_installs group by product_id order by count(*) desc, product_id offset 1 limit 1');
    const productId = rows[0]!.product_id;
    let created: Entitlement | undefined;
    const added = await afterChangeAndFull(async () => {
      created = await createEntitlement(t.db, keys, actor, { productId, metric: 'user', quantity: 5, downgradeRights: false, currency: 'EUR', allocations: [{ targetKind: 'user', target: 'user4' }] });
    });
    expect(added.incremental).toEqual(added.full);
    const removed = await afterChangeAndFull(() => removeEntitlement(t.db, actor, created!.id));
    expect(removed.incremental).toEqual(removed.full);
  });
});
