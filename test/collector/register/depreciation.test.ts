import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

describe.each(CONTRACT_BACKENDS)('depreciation and end of life on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let straight: string;
  let declining: string;
  let finance: string;
  let it_: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    const parent = expectStatus(await admin.post('/categories', {
      name: 'Test kit', kind: 'hardware',
      depreciation: { method: 'straight_line', usefulLifeMonths: 36, salvagePercent: 10 },
    }), 201);
    // The child has no rule of its own: it inherits its parent's.
    straight = expectStatus(await admin.post('/categories', { name: 'Test laptops', kind: 'hardware', parentId: parent.id }), 201).id;
    declining = expectStatus(await admin.post('/categories', {
      name: 'Test phones', kind: 'hardware',
      depreciation: { method: 'declining_balance', usefulLifeMonths: 60, salvagePercent: 10, decliningFactor: 2 },
    }), 201).id;
    finance = expectStatus(await admin.post('/departments', { name: 'Finance' }), 201).id;
    it_ = expectStatus(await admin.post('/departments', { name: 'IT' }), 201).id;
  });
  afterAll(async () => c?.stop());

  const bookValue = async (id: string, at: string) => expectStatus(await admin.get(`/assets/${id}/book-value?at=${at}`), 200).bookValue;

  it('straight line: cost 1,200, salvage 10 %, 36 months from 15 Jan 2023', async () => {
    const id = expectStatus(await admin.post('/assets', {
      name: 'Laptop SL', categoryId: straight, purchaseDate: '2023-01-15', purchaseCost: 1200, currency: 'EUR', departmentId: finance,
    }), 201).id;
    // Salvage = 1,200 × 10 % = 120; depreciable = 1,200 − 120 = 1,080; 1,080 / 36 = 30 a month.
    expect(await bookValue(id, '2022-12-31')).toBe(1200); // before purchase: nothing depreciated
    expect(await bookValue(id, '2023-02-14')).toBe(1200); // 0 whole months (the 15th not reached)
    expect(await bookValue(id, '2023-02-15')).toBe(1170); // 1 month: 1,200 − 30
    expect(await bookValue(id, '2024-07-14')).toBe(690); // 17 months: 1,200 − 17 × 30 = 1,200 − 510
    expect(await bookValue(id, '2024-07-15')).toBe(660); // 18 months: 1,200 − 540
    expect(await bookValue(id, '2026-01-15')).toBe(120); // 36 months: salvage
    expect(await bookValue(id, '2031-06-01')).toBe(120); // stays at salvage
    const detail = expectStatus(await admin.get(`/assets/${id}/book-value?at=2024-07-15`), 200);
    expect(detail).toMatchObject({ method: 'straight_line', salvageValue: 120, accumulatedDepreciation: 540, fullyDepreciatedOn: '2026-01-15' });
  });

  it('declining balance: cost 1,000, double rate over 5 years (40 %/year), salvage 10 %, from 1 Mar 2022', async () => {
    const id = expectStatus(await admin.post('/assets', {
      name: 'Phone DB', categoryId: declining, purchaseDate: '2022-03-01', purchaseCost: 1000, currency: 'EUR', departmentId: it_,
    }), 201).id;
    // rate = 2 / 5 years = 40 % of the opening value each year; salvage floor = 100.
    expect(await bookValue(id, '2023-03-01')).toBe(600); // year 1: 1,000 × 0.6
    expect(await bookValue(id, '2024-09-01')).toBe(288); // 30 months: 1,000 × 0.6² = 360; 6 months: 360 × 0.4 × 6/12 = 72; 360 − 72
    expect(await bookValue(id, '2025-03-01')).toBe(216); // 3 years: 1,000 × 0.6³
    expect(await bookValue(id, '2026-03-01')).toBe(129.6); // 4 years: 1,000 × 0.6⁴
    expect(await bookValue(id, '2026-09-01')).toBe(103.68); // 54 months: 129.6 − 129.6 × 0.4 × 6/12 = 129.6 − 25.92
    expect(await bookValue(id, '2026-12-01')).toBe(100); // 57 months: 129.6 − 38.88 = 90.72, below the floor: 100
    expect(await bookValue(id, '2027-03-01')).toBe(100); // end of life: salvage
  });

  it('a rule on the model beats the category, and one on the asset beats both', async () => {
    const model = expectStatus(await admin.post('/models', {
      name: 'Rugged 5', categoryId: straight, depreciation: { method: 'straight_line', usefulLifeMonths: 24, salvagePercent: 0 },
    }), 201).id;
    const byModel = expectStatus(await admin.post('/assets', { name: 'By model', categoryId: straight, modelId: model, purchaseDate: '2024-01-01', purchaseCost: 2400 }), 201).id;
    // 2,400 over 24 months = 100 a month; 6 months → 2,400 − 600.
    expect(await bookValue(byModel, '2024-07-01')).toBe(1800);
    const own = expectStatus(await admin.post('/assets', {
      name: 'Own rule', categoryId: straight, modelId: model, purchaseDate: '2024-01-01', purchaseCost: 2400,
      depreciation: { method: 'straight_line', usefulLifeMonths: 12, salvagePercent: 50 },
    }), 201).id;
    // Salvage 1,200; depreciable 1,200 over 12 months = 100 a month; 6 months → 2,400 − 600 = 1,800; 12 months → 1,200.
    expect(await bookValue(own, '2024-07-01')).toBe(1800);
    expect(await bookValue(own, '2025-01-01')).toBe(1200);
  });

  it('totals book value by category and by department', async () => {
    const a = await admin.post('/assets', { name: 'Total A', categoryId: declining, purchaseDate: '2024-01-01', purchaseCost: 500, currency: 'EUR', departmentId: it_ });
    expectStatus(a, 201);
    const at = '2025-01-01';
    const byCategory = expectStatus(await admin.get(`/book-value?at=${at}&groupBy=category`), 200);
    const phones = byCategory.groups.find((g: { id: string; currency: string }) => g.id === declining && g.currency === 'EUR');
    // Phone DB on 2025-01-01: 34 months (2 years 10 months) → 1,000 × 0.6² = 360; 10 months: 360 × 0.4 × 10/12 = 120 → 240.
    // Total A: 12 months → 500 × 0.6 = 300.  Sum 540; cost 1,500.
    expect(phones).toMatchObject({ assets: 2, cost: 1500, bookValue: 540 });

    const byDepartment = expectStatus(await admin.get(`/book-value?at=${at}&groupBy=department`), 200);
    const itGroup = byDepartment.groups.find((g: { id: string }) => g.id === it_);
    expect(itGroup).toMatchObject({ name: 'IT', assets: 2, bookValue: 540 });
    const financeGroup = byDepartment.groups.find((g: { id: string }) => g.id === finance);
    // Laptop SL on 2025-01-01: 23 months → 1,200 − 23 × 30 = 510.
    expect(financeGroup).toMatchObject({ name: 'Finance', assets: 1, cost: 1200, bookValue: 510 });
  });

  it('plans replacements from end-of-life dates with their replacement cost', async () => {
    const model = expectStatus(await admin.post('/models', {
      name: 'Desk phone X', categoryId: declining, eolMonths: 48, replacementCost: 310, currency: 'EUR',
    }), 201).id;
    const soon = expectStatus(await admin.post('/assets', { name: 'EOL soon', categoryId: declining, modelId: model, purchaseDate: '2021-09-10', purchaseCost: 250 }), 201);
    const later = expectStatus(await admin.post('/assets', { name: 'EOL later', categoryId: declining, modelId: model, purchaseDate: '2023-09-10', purchaseCost: 250 }), 201);
    const fixed = expectStatus(await admin.post('/assets', { name: 'EOL fixed', categoryId: straight, eolDate: '2025-12-31', purchaseCost: 99, currency: 'EUR' }), 201);
    // EOL soon: 2021-09-10 + 48 months = 2025-09-10, within 2025-06-01 + 12 months; EOL later: 2027-09-10, outside.
    const plan = expectStatus(await admin.get('/replacement-plan?from=2025-06-01&months=12'), 200);
    const byTag = new Map(plan.items.map((i: { tag: string }) => [i.tag, i]));
    expect(byTag.get(soon.tag)).toMatchObject({ eolDate: '2025-09-10', replacementCost: 310, currency: 'EUR' });
    expect(byTag.get(fixed.tag)).toMatchObject({ eolDate: '2025-12-31', replacementCost: 99 });
    expect(byTag.has(later.tag)).toBe(false);
    const eur = plan.totals.find((t: { currency: string }) => t.currency === 'EUR');
    const expectedTotal = plan.items.filter((i: { currency: string }) => i.currency === 'EUR').reduce((s: number, i: { replacementCost: number }) => s + i.replacementCost, 0);
    expect(eur.cost).toBeCloseTo(expectedTotal, 2);
  });
});
