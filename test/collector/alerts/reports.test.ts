import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../../collector/src/reports/report-catalogue.js';
import { runDueReportSchedules } from '../../../collector/src/reports/report-schedule-service.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
const FORMULA_NAME = '=HYPERLINK("http://x.example/","open")';

/*
 * A small estate whose every figure is worked out by hand in the comments below; each report is
 * checked against those figures.
 */
describe.each(CONTRACT_BACKENDS)('reports on %s', (backend) => {
  let w: AlertWorld;
  let smtp: SmtpSink;
  const NOW = new Date();
  const ids: Record<string, string> = {};
  const sql = (text: string, params: unknown[] = []) => w.c.ctx.db.query(text, params);
  const run = (kind: Parameters<typeof runReport>[1], params: Record<string, unknown> = {}) => runReport(w.c.ctx.db, kind, params, NOW);

  async function device(hostname: string, kind: 'agent' | 'snmp', lastSeenDaysAgo: number, agent: boolean): Promise<string> {
    const id = randomUUID();
    const seen = addDays(NOW, -lastSeenDaysAgo);
    await sql(`insert into devices (id, kind, hostname, last_seen) values ($1, $2, $3, $4)`, [id, kind, hostname, seen]);
    if (agent) {
      await sql(`insert into agents (id, device_id, hostname, platform, agent_version, token_hash, last_seen_at) values ($1, $2, $3, 'linux', '0.1.0', $4, $5)`,
        [randomUUID(), id, hostname, randomUUID(), seen]);
    }
    return id;
  }

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    smtp = await startSmtpSink();
    expectStatus(await w.admin.put('/api/v1/alerts/settings', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'reports@example.org' } }), 200);
    const computers = await w.categoryId('hardware.computers');
    const printers = await w.categoryId('hardware.printers');
    const domains = await w.categoryId('networking.domains');
    const finance = expectStatus(await w.admin.post('/api/v1/register/departments', { name: 'Finance' }), 201).id;
    const engineering = expectStatus(await w.admin.post('/api/v1/register/departments', { name: 'Engineering' }), 201).id;
    const model = expectStatus(await w.admin.post('/api/v1/register/models', { name: 'Workstation Z', categoryId: computers, replacementCost: 1500, currency: 'EUR' }), 201).id;
    ids.d1 = await device('ws-live', 'agent', 2, true);
    ids.d2 = await device('ws-idle', 'agent', 45, true);
    ids.d3 = await device('sw-unknown', 'snmp', 1, false);
    const asset = async (key: string, fields: Record<string, unknown>) => {
      ids[key] = expectStatus(await w.admin.post('/api/v1/register/assets', fields), 201).id;
    };
    // A1: straight line, 1200 over 120 months from 2024-01-15.
    await asset('a1', { tag: 'A1', name: FORMULA_NAME, categoryId: computers, departmentId: finance, status: 'deployed', deviceId: ids.d1,
      purchaseDate: '2024-01-15', purchaseCost: 1200, currency: 'EUR', depreciation: { method: 'straight_line', usefulLifeMonths: 120 } });
    // A2: double declining balance, 1000 over 60 months (40 % a year) from 2024-01-15; its device silent 45 days.
    await asset('a2', { tag: 'A2', name: 'Idle laptop', categoryId: computers, departmentId: finance, status: 'deployed', deviceId: ids.d2,
      purchaseDate: '2024-01-15', purchaseCost: 1000, currency: 'EUR', depreciation: { method: 'declining_balance', usefulLifeMonths: 60, decliningFactor: 2 } });
    await asset('a3', { tag: 'A3', name: 'Spare laptop', categoryId: computers, departmentId: engineering, status: 'in_stock',
      warrantyExpires: isoDay(addDays(NOW, 10)), eolDate: isoDay(addDays(NOW, 400)) });
    await asset('a4', { tag: 'A4', name: 'CAD workstation', categoryId: computers, departmentId: engineering, status: 'deployed', modelId: model, eolDate: isoDay(addDays(NOW, 60)) });
    await asset('a5', { tag: 'A5', name: 'Plotter', categoryId: printers, departmentId: engineering, status: 'in_repair' });
    await asset('a6', { tag: 'A6', name: 'Old printer', categoryId: printers, status: 'retired' });
    await asset('dom', { tag: 'DOM1', name: 'example.org', categoryId: domains, status: 'deployed', expiresOn: isoDay(addDays(NOW, 60)), purchaseCost: 15, currency: 'EUR' });

    const order = (asset: string, cost: number, currency: string, completed: string, status = 'done') => sql(
      `insert into register_work_orders (id, asset_id, title, kind, status, opened_on, completed_on, cost, currency)
       values ($1, $2, 'service', 'corrective', $3, $4, $4, $5, $6)`, [randomUUID(), ids[asset], status, completed, cost, currency]);
    await order('a1', 120, 'EUR', '2031-01-10');
    await order('a1', 80.5, 'EUR', '2031-01-25');
    await order('a5', 300, 'EUR', '2031-02-03');
    await order('a5', 50, 'USD', '2031-04-30');
    await order('a3', 999, 'EUR', '2031-03-01', 'open');
    await order('a3', 70, 'EUR', '2029-12-01');

    await sql(`insert into register_contracts (id, kind, name, reference, starts_on, ends_on, billing_period, notice_days, auto_renew, cost, currency)
               values ($1, 'support', 'Firewall support', 'FW-1', '2020-01-01', $2, 'yearly', 14, true, 1200, 'EUR'),
                      ($3, 'lease', 'Copier lease', 'CP-9', '2020-01-01', $4, 'monthly', null, false, 400, 'EUR')`,
      [randomUUID(), isoDay(addDays(NOW, 30)), randomUUID(), isoDay(addDays(NOW, 120))]);
    await sql(`insert into catalogue_products (id, publisher, name, licence) values ('acme-cad', 'Acme', 'Acme CAD', 'commercial'), ('acme-pdf', 'Acme', 'Acme PDF', 'commercial') on conflict do nothing`);
    await sql(`insert into entitlements (id, product_id, metric, quantity, term_end, unit_cost, currency, contract) values ($1, 'acme-cad', 'user', 5, $2, 10, 'EUR', 'EA-5')`,
      [randomUUID(), isoDay(addDays(NOW, 45))]);
    await sql(`insert into software_titles (source, name, publisher, version, licence) values
               ('dpkg', 'acme-cad', 'Acme', '1', 'commercial'), ('dpkg', 'acme-pdf', 'Acme', '2', 'commercial'),
               ('dpkg', 'bash', 'GNU', '5', 'open-source'), ('dpkg', 'mystery-tool', '', '0.1', 'unrecognised')`);
    await sql(`insert into licence_unlicensed (product_id, device_id, units) values ('acme-cad', $1, 1), ('acme-pdf', $1, 1)`, [ids.d1]);
  });
  afterAll(async () => {
    await w?.stop();
    await smtp?.close();
  });

  it('utilisation: deployed, idle, in stock and in repair by category and department', async () => {
    const r = await run('utilisation', { idleDays: 30 });
    const computers = (dept: string) => r.rows.find((x) => x.department === dept && x.category === 'Computers & laptops');
    // Finance: A1 deployed and seen 2 days ago, A2 deployed but silent 45 days.
    expect(computers('Finance')).toMatchObject({ total: 2, deployed: 1, idle: 1, inStock: 0, inRepair: 0, utilisation: 50 });
    // Engineering: A4 deployed without a device (not idle), A3 in stock.
    expect(computers('Engineering')).toMatchObject({ total: 2, deployed: 1, idle: 0, inStock: 1, utilisation: 50 });
    expect(r.rows.find((x) => x.category === 'Printers & scanners')).toMatchObject({ department: 'Engineering', total: 1, inRepair: 1, utilisation: 0 });
    // A6 is retired: not counted. The domain counts under its own category.
    expect(r.summary).toEqual(expect.arrayContaining([{ label: 'assets', value: 6 }, { label: 'deployed', value: 3 }, { label: 'idle', value: 1 }, { label: 'utilisation %', value: 50 }]));
  });

  it('maintenance costs by category, asset, month and quarter, per currency', async () => {
    const window = { from: '2031-01-01', to: '2031-06-30' };
    const byCategory = await run('maintenance-costs', { ...window, groupBy: 'category' });
    expect(byCategory.rows).toEqual([
      { group: 'Computers & laptops', orders: 2, cost: 200.5, currency: 'EUR' },
      { group: 'Printers & scanners', orders: 1, cost: 300, currency: 'EUR' },
      { group: 'Printers & scanners', orders: 1, cost: 50, currency: 'USD' },
    ]);
    expect(byCategory.summary).toEqual(expect.arrayContaining([{ label: 'work orders', value: 4 }, { label: 'total EUR', value: 500.5 }, { label: 'total USD', value: 50 }]));
    const byAsset = await run('maintenance-costs', { ...window, groupBy: 'asset' });
    expect(byAsset.rows.map((x) => [x.group, x.cost, x.currency])).toEqual([[`A1 ${FORMULA_NAME}`, 200.5, 'EUR'], ['A5 Plotter', 300, 'EUR'], ['A5 Plotter', 50, 'USD']]);
    const byMonth = await run('maintenance-costs', { ...window, groupBy: 'period', period: 'month' });
    expect(byMonth.rows.map((x) => [x.group, x.orders, x.cost, x.currency])).toEqual([['2031-01', 2, 200.5, 'EUR'], ['2031-02', 1, 300, 'EUR'], ['2031-04', 1, 50, 'USD']]);
    const byQuarter = await run('maintenance-costs', { ...window, groupBy: 'period', period: 'quarter' });
    expect(byQuarter.rows.map((x) => [x.group, x.orders, x.cost, x.currency])).toEqual([['2031-Q1', 3, 500.5, 'EUR'], ['2031-Q2', 1, 50, 'USD']]);
  });

  it('upcoming renewals in the next 90 days, soonest first', async () => {
    const r = await run('renewals', { days: 90 });
    expect(r.rows.map((x) => [x.type, x.daysLeft])).toEqual([['warranty', 10], ['support contract', 30], ['licence term', 45], ['Domain names', 60]]);
    expect(r.rows[1]).toMatchObject({ reference: 'FW-1', noticeBy: isoDay(addDays(NOW, 16)), autoRenew: 'yes', cost: 1200 });
    // 1200 (firewall) + 5 × 10 (licence) + 15 (domain); the copier lease ends after 120 days.
    expect(r.summary).toEqual([{ label: 'ending in 90 days', value: 4 }, { label: 'total EUR', value: 1265 }]);
  });

  it('depreciation schedule and book values', async () => {
    const r = await run('depreciation', { at: '2025-01-15', years: 2 });
    expect(r.rows.map((x) => x.tag)).toEqual(['A1', 'A2']);
    // A1: 1200 − 1200 × 12/120 = 1080; at 23 months 970; at 35 months 850.
    expect(r.rows[0]).toMatchObject({ method: 'straight_line', cost: 1200, accumulated: 120, bookValue: 1080, bookValue2025: 970, bookValue2026: 850, fullyDepreciatedOn: '2034-01-15' });
    // A2: 1000 × 0.6 = 600 after a year; 600 − 600 × 0.4 × 11/12 = 380; 360 − 360 × 0.4 × 11/12 = 228.
    expect(r.rows[1]).toMatchObject({ method: 'declining_balance', cost: 1000, accumulated: 400, bookValue: 600, bookValue2025: 380, bookValue2026: 228 });
    expect(r.summary).toEqual([{ label: 'at', value: '2025-01-15' }, { label: 'assets', value: 2 }, { label: 'cost EUR', value: 2200 }, { label: 'book value EUR', value: 1680 }]);
  });

  it('end-of-life and replacement plan with cost', async () => {
    const r = await run('replacement-plan', { months: 12 });
    // A4 ends in 60 days and its model costs 1500 to replace; A3 ends in 400 days, outside the plan.
    expect(r.rows).toEqual([expect.objectContaining({ tag: 'A4', eolDate: isoDay(addDays(NOW, 60)), model: 'Workstation Z', replacementCost: 1500, currency: 'EUR' })]);
    expect(r.summary).toEqual(expect.arrayContaining([{ label: 'assets', value: 1 }, { label: 'total EUR', value: 1500 }]));
  });

  it('inventory coverage against CIS Controls 1 and 2', async () => {
    const r = await run('cis-coverage', { agentSilentDays: 7 });
    const row = (measure: string) => r.rows.find((x) => String(x.measure).startsWith(measure));
    // Three discovered devices: two with agents (registered as A1 and A2), one switch unregistered.
    expect(row('Discovered devices registered')).toMatchObject({ count: 2, of: 3, share: 66.7 });
    expect(row('Discovered on the network')).toMatchObject({ count: 1, of: 3 });
    expect(row('Unregistered devices')).toMatchObject({ count: 1, of: 3 });
    // Only ws-live's agent spoke within 7 days.
    expect(row('Devices with an agent reporting')).toMatchObject({ count: 1, of: 3, share: 33.3 });
    expect(row('Registered devices with a reporting agent')).toMatchObject({ count: 1, of: 2, share: 50 });
    expect(row('Unrecognised software titles')).toMatchObject({ count: 1, of: 4, share: 25 });
    expect(row('Unlicensed commercial installs')).toMatchObject({ count: 2 });
    expect(row('Devices with unlicensed')).toMatchObject({ count: 1, of: 3 });
  });

  it('answers CSV with formula cells neutralised, and a PDF with the figures', async () => {
    const csv = await w.admin.get('/api/v1/reports/depreciation?format=csv&at=2025-01-15&years=1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('Tag,Name,Category,Method,Purchased,Cost,Currency,Life (months),Depreciated at 2025-01-15,Book value at 2025-01-15,Fully depreciated,Value 2025-12-31');
    expect(lines[1]).toBe(`A1,"'=HYPERLINK(""http://x.example/"",""open"")",Computers & laptops,straight_line,2024-01-15,1200,EUR,120,120,1080,2034-01-15,970`);
    const pdf = await w.admin.get('/api/v1/reports/renewals?format=pdf&days=90');
    expect(pdf.status).toBe(200);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync(PDFTOTEXT)) {
      if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is needed to read the PDF back');
      return;
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'steward-report-')), 'r.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Upcoming renewals');
    expect(text).toContain('Firewall support');
    expect(text).toContain('1200.00');
    expect(text).toContain('total EUR: 1265');
    expectStatus(await w.admin.get('/api/v1/reports/renewals?days=0'), 400);
    expectStatus(await w.admin.get('/api/v1/reports/nonsense'), 400);
  });

  it('sends scheduled reports by e-mail once per due run, with the file attached', async () => {
    const schedule = expectStatus(await w.admin.post('/api/v1/report-schedules', {
      name: 'Weekly renewals', report: 'renewals', params: { days: 90 }, format: 'csv', cron: '0 6 * * 1', recipients: ['cfo@example.org'],
    }), 201);
    const due = new Date(schedule.nextRunAt);
    expect(due.getUTCDay()).toBe(1);
    expect(due.getUTCHours()).toBe(6);
    expectStatus(await w.admin.post('/api/v1/report-schedules', { name: 'bad', report: 'renewals', params: { days: 0 }, cron: '0 6 * * 1', recipients: ['x@example.org'] }), 400);
    expectStatus(await w.admin.post('/api/v1/report-schedules', { name: 'bad', report: 'renewals', cron: 'every tuesday', recipients: ['x@example.org'] }), 400);
    expect(await runDueReportSchedules(w.deps, new Date(due.getTime() - 1000))).toBe(0);
    expect(await runDueReportSchedules(w.deps, new Date(due.getTime() + 1000))).toBe(1);
    expect(await runDueReportSchedules(w.deps, new Date(due.getTime() + 2000))).toBe(0);
    await w.drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['cfo@example.org']);
    expect(mail!.subject).toBe(`[Steward] Upcoming renewals (${isoDay(due)})`);
    expect(mail!.raw).toMatch(/Content-Type: text\/csv/i);
    expect(mail!.raw).toContain(`filename=renewals-${isoDay(due)}.csv`);
    const listed = expectStatus(await w.admin.get('/api/v1/report-schedules'), 200).items[0];
    expect(new Date(listed.nextRunAt).getTime() - due.getTime()).toBe(7 * 86_400_000);
    expectStatus(await w.admin.post(`/api/v1/report-schedules/${schedule.id}/run`, {}), 202);
    await w.drain();
    expect((await smtp.waitFor(2))).toHaveLength(2);
  });
});
