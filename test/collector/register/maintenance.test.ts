import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

interface Due { scheduleId: string; assetId: string; dueOn: string; overdue: boolean; daysOverdue: number; lastDoneOn: string | null }

describe.each(CONTRACT_BACKENDS)('maintenance on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.printers');
  });
  afterAll(async () => c?.stop());

  const asset = async (name: string, extra: object = {}) => expectStatus(await admin.post('/assets', { name, categoryId, ...extra }), 201).id as string;
  const schedule = async (body: object) => expectStatus(await admin.post('/maintenance/schedules', body), 201).id as string;
  const due = async (on: string, withinDays: number): Promise<Due[]> =>
    expectStatus(await admin.get(`/maintenance/due?on=${on}&withinDays=${withinDays}`), 200).items;
  const doneOn = async (assetId: string, scheduleId: string, completedOn: string) =>
    expectStatus(await admin.post('/maintenance/work-orders', { assetId, scheduleId, title: 'service', status: 'done', completedOn, cost: 80, currency: 'EUR' }), 201);

  it('every N days: due on the start date, then N days after each completion', async () => {
    const printer = await asset('Printer 90d');
    const s = await schedule({ assetId: printer, title: 'Fuser check', intervalDays: 90, startsOn: '2025-01-01' });
    // Never done: due on its start date; on 1 March that is 31 (Jan) + 28 (Feb) = 59 days late.
    expect((await due('2025-03-01', 30)).find((d) => d.scheduleId === s)).toMatchObject({ dueOn: '2025-01-01', overdue: true, daysOverdue: 59, lastDoneOn: null });
    await doneOn(printer, s, '2025-02-15');
    // 15 Feb + 90 days: 13 days to 28 Feb, 31 in March (44), 30 in April (74), 16 more → 16 May.
    expect((await due('2025-03-01', 30)).some((d) => d.scheduleId === s)).toBe(false);
    expect((await due('2025-03-01', 90)).find((d) => d.scheduleId === s)).toMatchObject({ dueOn: '2025-05-16', overdue: false, daysOverdue: 0, lastDoneOn: '2025-02-15' });
  });

  it('every N months on a model covers each of its assets, month ends kept within the month', async () => {
    const model = expectStatus(await admin.post('/models', { name: 'LaserJet M507', categoryId }), 201).id;
    const serviced = await asset('Model printer A', { modelId: model });
    const neglected = await asset('Model printer B', { modelId: model });
    const retired = await asset('Model printer C', { modelId: model, status: 'retired' });
    const s = await schedule({ modelId: model, title: 'Roller kit', intervalMonths: 6, startsOn: '2025-01-31' });
    await doneOn(serviced, s, '2025-01-31');
    const items = (await due('2025-08-01', 0)).filter((d) => d.scheduleId === s);
    const byAsset = new Map(items.map((d) => [d.assetId, d]));
    // 31 Jan + 6 months = 31 Jul; the neglected one has been due since its start date.
    expect(byAsset.get(serviced)).toMatchObject({ dueOn: '2025-07-31', overdue: true, daysOverdue: 1 });
    expect(byAsset.get(neglected)).toMatchObject({ dueOn: '2025-01-31', overdue: true, daysOverdue: 182 });
    expect(byAsset.has(retired)).toBe(false);
  });

  it('cron schedules: first run on or after the start, then the first run after each completion', async () => {
    const printer = await asset('Printer quarterly');
    // 00:00 on the 1st of January, April, July and October.
    const s = await schedule({ assetId: printer, title: 'Quarterly clean', cron: '0 0 1 */3 *', startsOn: '2025-02-10' });
    expect((await due('2025-03-01', 60)).find((d) => d.scheduleId === s)).toMatchObject({ dueOn: '2025-04-01', overdue: false });
    await doneOn(printer, s, '2025-04-03');
    expect((await due('2025-04-05', 120)).find((d) => d.scheduleId === s)).toMatchObject({ dueOn: '2025-07-01', lastDoneOn: '2025-04-03' });
  });

  it('refuses a bad cron, and two kinds of interval at once', async () => {
    const printer = await asset('Printer bad schedule');
    const bad = await admin.post('/maintenance/schedules', { assetId: printer, title: 'x', cron: 'every tuesday', startsOn: '2025-01-01' });
    expect([bad.status, bad.body.error]).toEqual([400, 'invalid_cron']);
    const both = await admin.post('/maintenance/schedules', { assetId: printer, title: 'x', cron: '0 0 * * 1', intervalDays: 7, startsOn: '2025-01-01' });
    expect(both.status).toBe(400);
    expect(both.body.issues.join()).toMatch(/exactly one/);
  });

  it('keeps work orders as the asset history; one marked done without a date was done today', async () => {
    const printer = await asset('Printer repaired');
    const order = expectStatus(await admin.post('/maintenance/work-orders', { assetId: printer, title: 'Paper jam', kind: 'corrective' }), 201);
    expect(order).toMatchObject({ status: 'open', openedOn: new Date().toISOString().slice(0, 10), completedOn: null, assetTag: expect.any(String) });
    const done = expectStatus(await admin.patch(`/maintenance/work-orders/${order.id}`, { status: 'done', outcome: 'pickup roller replaced', cost: 45.5 }), 200);
    expect(done).toMatchObject({ status: 'done', completedOn: new Date().toISOString().slice(0, 10), outcome: 'pickup roller replaced', cost: 45.5, kind: 'corrective' });
    const history = expectStatus(await admin.get(`/maintenance/work-orders?assetId=${printer}`), 200);
    expect(history.items.map((w: { title: string }) => w.title)).toEqual(['Paper jam']);
  });
});
