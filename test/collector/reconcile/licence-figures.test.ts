import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicencePosition, LicenceTrendPoint, PositionList } from '@steward/shared';
import { ApiClient as DashboardApi } from '../../../dashboard/src/api/api-client.js';
import { fetchLicenceGlance } from '../../../dashboard/src/api/overview.js';
import { licenceReportData } from '../../../collector/src/reconcile/reports/licence-report-data.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { ApiClient } from './api-client.js';
import { settle } from './settle.js';
import { AGENT_DEVICES, reportDevice, type Reporter } from './world.js';

/** The figures a point of the trend and the position's totals share. */
const estateFigures = (f: Omit<LicenceTrendPoint, 'time'> | PositionList['totals']) => ({
  consumed: f.consumed, shortfall: f.shortfall, shortfallCost: f.shortfallCost, unlicensed: f.unlicensed,
  productsShort: f.productsShort, unpricedProducts: f.unpricedProducts, unpricedInstalls: f.unpricedInstalls,
});

describe.each(CONTRACT_BACKENDS)('licence figures that add up on %s', (backend) => {
  let c: TestCollector;
  let api: ApiClient;
  const started = new Date(Date.now() - 60_000).toISOString();
  /** The whole position as the position screen shows it, after each partial recomputation. */
  const snapshots: Array<{ at: string; totals: PositionList['totals'] }> = [];
  const devices = new Map<string, Reporter>();
  const snapshot = async () => {
    await settle(c);
    snapshots.push({ at: new Date().toISOString(), totals: (await api.get<PositionList>('/api/v1/licenses/position')).totals });
    // Moments a millisecond apart would share a history row's time with the next run.
    await new Promise((r) => setTimeout(r, 5));
  };
  const trend = async (query = '') => (await api.get<{ items: LicenceTrendPoint[] }>(`/api/v1/licenses/trend?from=${started}${query}`)).items;

  beforeAll(async () => {
    c = await startTestCollector(backend);
    api = await ApiClient.admin(c);
    await settle(c);
  });
  afterAll(async () => c?.stop());

  it('recomputes the position in partial runs as devices report, some products at a time', async () => {
    await api.post('/api/v1/licenses/entitlements', { productId: 'microsoft-office', metric: 'device', quantity: 1, release: '2019', downgradeRights: true, unitCost: 400, contract: 'EA-1' });
    await api.post('/api/v1/licenses/entitlements', { productId: 'adobe-photoshop', metric: 'device', quantity: 1 });
    await snapshot();
    for (const device of AGENT_DEVICES.slice(0, 5)) {
      devices.set(device.hostname, await reportDevice(c, device));
      await snapshot();
    }
    // ws-a drops Photoshop and Visio: only those products move.
    const wsA = AGENT_DEVICES[0]!;
    await reportDevice(c, { ...wsA, software: wsA.software.filter((s) => !/Photoshop|Visio/.test(s.name)) }, devices.get('ws-a'));
    await snapshot();

    const { rows } = await c.ctx.db.query<{ partial: boolean }>(
      `select exists (
         select 1 from (select time, count(*) as n from licence_position_history group by time) h
          where h.n < (select count(distinct product_id) from licence_position_history e where e.time <= h.time)) as partial`);
    expect(rows[0]!.partial, 'some recomputation must have recorded only part of the products').toBe(true);
  });

  it('every point of the trend is the whole position in force at that moment, not the products last recomputed', async () => {
    const points = await trend();
    expect(points.length).toBeGreaterThanOrEqual(snapshots.length);
    for (const s of snapshots) {
      const inForce = points.filter((p) => p.time <= s.at).at(-1);
      expect(inForce, `a point in force at ${s.at}`).toBeDefined();
      expect(estateFigures(inForce!), `the trend at ${s.at}`).toEqual(estateFigures(s.totals));
    }
    // A window starting between recomputations starts from the whole position then.
    const middle = snapshots[3]!;
    const window = (await api.get<{ items: LicenceTrendPoint[] }>(`/api/v1/licenses/trend?from=${middle.at}`)).items;
    expect(window[0]!.time).toBe(middle.at);
    expect(estateFigures(window[0]!)).toEqual(estateFigures(middle.totals));
    expect(estateFigures(window.at(-1)!)).toEqual(estateFigures(snapshots.at(-1)!.totals));
    // The history alone, added up per moment, reads less than the whole at some point: what the trend carries forward.
    const { rows } = await c.ctx.db.query<{ time: Date; consumed: string }>('select time, sum(consumed)::text as consumed from licence_position_history group by time');
    const partialSums = rows.filter((r) => {
      const point = points.find((p) => p.time === new Date(r.time).toISOString());
      return point && Number(r.consumed) !== point.consumed;
    });
    expect(partialSums.length).toBeGreaterThan(0);
  });

  it('the daily trend ends on the position now, and starts from the position in force at its first day', async () => {
    const now = (await api.get<PositionList>('/api/v1/licenses/position')).totals;
    const days = await trend('&granularity=day');
    expect(days.length).toBeGreaterThan(0);
    expect(estateFigures(days.at(-1)!)).toEqual(estateFigures(now));
    const later = new Date(Date.now() + 1000).toISOString();
    const fromNow = (await api.get<{ items: LicenceTrendPoint[] }>(`/api/v1/licenses/trend?from=${later}&to=${later}`)).items;
    expect(fromNow).toHaveLength(1);
    expect(fromNow[0]!.time).toBe(later);
    expect(estateFigures(fromNow[0]!)).toEqual(estateFigures(now));
  });

  it('the overview, the position screen and the report give the same figures for one estate', async () => {
    const position = await api.get<PositionList>('/api/v1/licenses/position');
    const headers = await c.adminAuth();
    const dashboard = new DashboardApi({ baseUrl: c.url, token: () => headers.authorization.slice('Bearer '.length), onUnauthorized: () => undefined });
    const overview = await fetchLicenceGlance(dashboard);
    const report = await licenceReportData(c.ctx.db, { groupBy: 'product' });
    const last = (await trend()).at(-1)!;
    const t = position.totals;
    expect(overview).toEqual({
      productsInShortfall: t.productsShort, unlicensedInstalls: t.unlicensed, shortfallCost: t.shortfallCost,
      unpricedProducts: t.unpricedProducts, unpricedInstalls: t.unpricedInstalls,
    });
    expect(report.summary).toMatchObject({
      products: t.products, productsShort: t.productsShort, unlicensed: t.unlicensed, shortfallCost: t.shortfallCost,
      unpricedProducts: t.unpricedProducts, unpricedInstalls: t.unpricedInstalls,
    });
    expect(estateFigures(last)).toEqual(estateFigures(t));
    expect(t.unpricedProducts).toBeGreaterThan(0);
    // One moment of the data: the latest computation, which the report prints.
    expect(report.asOf).toBe(position.asOf);
    expect(position.asOf).toBe(position.items.map((p) => p.computedAt).sort().at(-1));
    expect(report.unlicensed).toHaveLength(t.unlicensed);
  });

  it('names the products the cost leaves out, and prices one from the position: audited, recomputed, in the trend', async () => {
    const before = await api.get<PositionList>('/api/v1/licenses/position');
    const windows = before.items.find((p) => p.productId === 'microsoft-windows')!;
    expect(windows.shortfall).toBeGreaterThan(0);
    expect(windows.shortfallCost).toBeNull();
    const gaps = before.items.filter((p) => p.shortfall > 0 && p.shortfallCost === null);
    expect(before.totals.unpricedProducts).toBe(gaps.length);
    expect(before.totals.unpricedInstalls).toBe(gaps.reduce((s, p) => s + p.unlicensed, 0));

    const bad = await api.raw('PUT', '/api/v1/licenses/position/microsoft-windows/price', { source: 'organisation', price: 120, currency: 'usd' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('currency');
    expect((await api.raw('PUT', '/api/v1/licenses/position/no-such-product/price', { source: 'organisation', price: 1 })).status).toBe(404);

    const answer = await api.put<{ position: LicencePosition }>('/api/v1/licenses/position/microsoft-windows/price', { source: 'organisation', price: 120, currency: 'USD' });
    expect(answer.position).toMatchObject({ shortfallCost: windows.shortfall * 120, currency: 'USD' });
    const after = await api.get<PositionList>('/api/v1/licenses/position');
    expect(after.totals.unpricedProducts).toBe(before.totals.unpricedProducts - 1);
    expect(after.totals.unpricedInstalls).toBe(before.totals.unpricedInstalls - windows.unlicensed);
    expect(after.totals.shortfallCost).toBe(before.totals.shortfallCost + windows.shortfall * 120);
    expect(estateFigures((await trend()).at(-1)!)).toEqual(estateFigures(after.totals));

    // A list price comes after the organisation's own: Windows keeps 120; TeamViewer takes its list price.
    await api.put('/api/v1/licenses/position/microsoft-windows/price', { source: 'list', price: 999 });
    expect((await api.get<PositionList>('/api/v1/licenses/position?productId=microsoft-windows')).items[0]).toMatchObject({ shortfallCost: windows.shortfall * 120 });
    const teamviewer = after.items.find((p) => p.productId === 'teamviewer')!;
    expect(teamviewer.shortfall).toBeGreaterThan(0);
    const priced = await api.put<{ position: LicencePosition }>('/api/v1/licenses/position/teamviewer/price', { source: 'list', price: 50 });
    expect(priced.position).toMatchObject({ shortfallCost: teamviewer.shortfall * 50, currency: 'EUR' });

    const { rows } = await c.ctx.db.query<{ before: { organisationPrice: number | null }; after: { organisationPrice: number; organisationCurrency: string } }>(
      `select before, after from audit_log where action = 'catalogue.product.price' and object_id = 'microsoft-windows' order by id`);
    expect(rows[0]).toMatchObject({ before: { organisationPrice: null }, after: { organisationPrice: 120, organisationCurrency: 'USD' } });
  });
});
