import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenceReportTable, type PositionList } from '@steward/shared';
import { runDueReportSchedules } from '../../../collector/src/reports/report-schedule-service.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { expectStatus, isoDay, startAlertWorld, type AlertWorld } from '../alerts/support/alert-world.js';
import { startSmtpSink, type SmtpSink } from '../alerts/support/smtp-sink.js';
import { settle } from './settle.js';
import { AGENT_DEVICES, reportDevice } from './world.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
const UNZIP = '/usr/bin/unzip';
const ORGANISATION = 'Contoso Holdings plc';

/** A tool the test needs: missing, the check is skipped with its reason, except under CI where it fails. */
function tool(file: string, why: string): boolean {
  if (existsSync(file)) return true;
  if (process.env.CI === 'true') throw new Error(`${file} is needed ${why}`);
  console.warn(`skipping: ${file} is missing (${why})`);
  return false;
}

function tempFile(name: string, content: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'steward-audit-report-')), name);
  writeFileSync(file, content);
  return file;
}

/** The PDF's text, one string per page (pdftotext separates pages with form feeds). */
function pdfPages(pdf: Buffer): string[] {
  const text = execFileSync(PDFTOTEXT, ['-layout', tempFile('report.pdf', pdf), '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

/** A CSV that must be one rectangular table: csv-parse refuses rows of another width. */
function flatTable(text: string): string[][] {
  const rows = parse(text.replace(/^\uFEFF/, '')) as string[][];
  expect(rows.length).toBeGreaterThan(0);
  const header = rows[0]!;
  expect(header.every((cell) => cell.trim() !== ''), `every column is named: ${header.join(',')}`).toBe(true);
  expect(new Set(header).size).toBe(header.length);
  // One header row only: no later row repeats it, no row is a section title or blank.
  expect(rows.slice(1).some((row) => row.join(',') === header.join(','))).toBe(false);
  expect(rows.slice(1).every((row) => row.some((cell) => cell !== ''))).toBe(true);
  return rows;
}

describe.each(CONTRACT_BACKENDS)('reports an auditor accepts on %s', (backend) => {
  let w: AlertWorld;
  let smtp: SmtpSink;
  const entitlements = [
    { productId: 'microsoft-office', metric: 'device', quantity: 2, release: '2019', downgradeRights: true, description: 'Office LTSC seats', contract: 'EA-7731', vendor: 'Contoso Reseller', unitCost: 400 },
    { productId: 'adobe-photoshop', metric: 'subscription', quantity: 1, description: 'Creative seats', contract: 'ADB-2041', termEnd: '2099-12-31' },
    { productId: 'microsoft-visual-studio', metric: 'user', quantity: 3, release: '2022', description: 'VS Professional', contract: 'MSDN-0099' },
  ];

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    smtp = await startSmtpSink();
    expectStatus(await w.admin.put('/api/v1/alerts/settings', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'reports@example.org' } }), 200);
    for (const e of entitlements) expectStatus(await w.admin.post('/api/v1/licenses/entitlements', e), 201);
    for (const device of AGENT_DEVICES.slice(0, 4)) await reportDevice(w.c, device);
    await settle(w.c);
  });
  afterAll(async () => {
    await smtp?.close();
    await w?.stop();
  });

  it("keeps the organisation's name as a setting, empty by default, changed by an administrator and audited", async () => {
    expect(expectStatus(await w.admin.get('/api/v1/settings/organisation'), 200)).toEqual({ name: '' });
    expectStatus(await w.admin.put('/api/v1/settings/organisation', { name: 'x'.repeat(201) }), 400);
    expectStatus(await w.admin.put('/api/v1/settings/organisation', { name: 'Acme', colour: 'red' }), 400);
    expect(expectStatus(await w.admin.put('/api/v1/settings/organisation', { name: `  ${ORGANISATION} ` }), 200)).toEqual({ name: ORGANISATION });
    expect(expectStatus(await w.admin.get('/api/v1/settings/organisation'), 200)).toEqual({ name: ORGANISATION });
    const { rows } = await w.c.ctx.db.query<{ before: unknown; after: unknown }>(`select before, after from audit_log where action = 'settings.organisation'`);
    expect(rows).toEqual([{ before: { name: '' }, after: { name: ORGANISATION } }]);
  });

  it('prints the organisation, the moment of the data, page numbers, every entitlement counted, the rules and a sign-off block', async () => {
    const answer = await w.admin.get('/api/v1/reports/license-reconciliation?format=pdf');
    expect(answer.status).toBe(200);
    const pdf = answer.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!tool(PDFTOTEXT, 'to read the PDF back')) return;
    const pages = pdfPages(pdf);
    const text = pages.join('\n');
    expect(pages[0]).toContain(ORGANISATION);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}\\b`)));
    expect(text).toMatch(/Data as of: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('Period: entitlements in force and installs seen on');
    expect(text).toContain('Entitlements and contracts counted');
    for (const e of entitlements) {
      const line = text.split('\n').find((l) => l.includes(e.contract));
      expect(line, `the entitlement under ${e.contract}`).toBeDefined();
      expect(line).toContain(e.description);
      expect(line).toMatch(new RegExp(`\\b${e.quantity}\\b`));
      expect(line).toContain(e.metric);
    }
    expect(text).toContain('Rules applied');
    expect(text).toMatch(/downgrade rights/i);
    expect(text).toContain('Sign-off');
    for (const label of ['Prepared by', 'Reviewed and approved by', 'Name:', 'Role:', 'Date:', 'Signature:']) expect(text).toContain(label);
    // Windows is short with no price: the cost says what it leaves out.
    const position = expectStatus(await w.admin.get('/api/v1/licenses/position'), 200) as PositionList;
    expect(position.totals.unpricedProducts).toBeGreaterThan(0);
    expect(text.replace(/\s+/g, ' ')).toContain(`${position.totals.unpricedProducts} product`);
    expect(text).toContain('without a price');

    const device = await w.admin.get('/api/v1/reports/device-reconciliation?format=pdf');
    const devicePages = pdfPages(device.body as Buffer);
    expect(devicePages[0]).toContain(ORGANISATION);
    expect(devicePages.at(-1)).toMatch(new RegExp(`Page ${devicePages.length} of ${devicePages.length}`));
  });

  it('leaves the organisation out when its name is empty', async () => {
    expectStatus(await w.admin.put('/api/v1/settings/organisation', { name: '' }), 200);
    try {
      const html = (await w.admin.get('/api/v1/reports/license-reconciliation?format=html')).body as string;
      expect(html).not.toContain(ORGANISATION);
      expect(html).not.toContain('class="organisation"');
      if (!tool(PDFTOTEXT, 'to read the PDF back')) return;
      expect(pdfPages((await w.admin.get('/api/v1/reports/license-reconciliation?format=pdf')).body as Buffer).join('\n')).not.toContain(ORGANISATION);
    } finally {
      expectStatus(await w.admin.put('/api/v1/settings/organisation', { name: ORGANISATION }), 200);
    }
  });

  it('downloads each CSV table as one flat table with a single header row, or all of them in a zip', async () => {
    const stems = new Map<string, string[][]>();
    for (const table of licenceReportTable.options) {
      const answer = await w.admin.get(`/api/v1/reports/license-reconciliation?format=csv&groupBy=department&table=${table}`);
      expect(answer.status, table).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(answer.headers.get('content-disposition')).toMatch(new RegExp(`-${table}\\.csv"$`));
      stems.set(table, flatTable(answer.body as string));
    }
    const position = expectStatus(await w.admin.get('/api/v1/licenses/position'), 200) as PositionList;
    expect(stems.get('positions')!.length).toBe(1 + position.items.length);
    expect(stems.get('installs')!.length).toBe(1 + position.totals.unlicensed);
    expect(stems.get('entitlements')!.slice(1).map((r) => r[3]).sort()).toEqual(entitlements.map((e) => e.contract).sort());
    const devices = await w.admin.get('/api/v1/reports/device-reconciliation?format=csv&table=findings');
    expect(flatTable(devices.body as string).length).toBeGreaterThan(1);

    const refused = await w.admin.get('/api/v1/reports/license-reconciliation?format=csv&table=departments');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('table');
    expect((await w.admin.get('/api/v1/reports/license-reconciliation?format=csv&table=nonsense')).status).toBe(400);

    const zipped = await fetch(`${w.c.url}/api/v1/reports/license-reconciliation?format=csv`, { headers: w.admin.headers });
    expect(zipped.headers.get('content-type')).toBe('application/zip');
    const zip = Buffer.from(await zipped.arrayBuffer());
    if (!tool(UNZIP, 'to open the zip of CSV tables')) return;
    const file = tempFile('tables.zip', zip);
    const names = execFileSync(UNZIP, ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(names.map((n) => n.replace(/^licence-reconciliation-\d{4}-\d{2}-\d{2}-/, '')).sort()).toEqual(['entitlements.csv', 'installs.csv', 'positions.csv', 'rules.csv']);
    for (const name of names) {
      const rows = flatTable(execFileSync(UNZIP, ['-p', file, name], { encoding: 'utf8' }));
      const table = name.replace(/^.*-(\w+)\.csv$/, '$1');
      expect(rows, name).toEqual(stems.get(table));
    }
    execFileSync(UNZIP, ['-tq', file]);
  });

  it('schedules the licence and device reconciliation reports like the others, mailing the file', async () => {
    expectStatus(await w.admin.post('/api/v1/report-schedules', { name: 'bad', report: 'license-reconciliation', params: { groupBy: 'colour' }, cron: '0 6 1 * *', recipients: ['x@example.org'] }), 400);
    const licence = expectStatus(await w.admin.post('/api/v1/report-schedules', {
      name: 'Monthly licence position', report: 'license-reconciliation', params: { groupBy: 'vendor' }, format: 'pdf', cron: '0 6 1 * *', recipients: ['auditor@example.org'],
    }), 201);
    expect(licence).toMatchObject({ report: 'license-reconciliation', params: { groupBy: 'vendor' } });
    const device = expectStatus(await w.admin.post('/api/v1/report-schedules', {
      name: 'Monthly devices', report: 'device-reconciliation', format: 'csv', cron: '0 6 1 * *', recipients: ['it@example.org'],
    }), 201);
    const listed = (expectStatus(await w.admin.get('/api/v1/report-schedules'), 200).items as Array<{ report: string }>).map((s) => s.report).sort();
    expect(listed).toEqual(['device-reconciliation', 'license-reconciliation']);

    const due = new Date(licence.nextRunAt);
    expect(await runDueReportSchedules(w.deps, new Date(due.getTime() + 1000))).toBe(2);
    await w.drain();
    const mails = await smtp.waitFor(2);
    const toAuditor = mails.find((m) => m.to.includes('auditor@example.org'))!;
    expect(toAuditor.subject).toBe(`[Steward] Licence reconciliation report (${isoDay(due)})`);
    expect(toAuditor.raw).toMatch(/Content-Type: application\/pdf/i);
    expect(toAuditor.raw).toContain(`filename=license-reconciliation-${isoDay(due)}.pdf`);
    const toIt = mails.find((m) => m.to.includes('it@example.org'))!;
    expect(toIt.subject).toBe(`[Steward] Device reconciliation report (${isoDay(due)})`);
    expect(toIt.raw).toMatch(/Content-Type: application\/zip/i);
    expect(toIt.raw).toContain(`device-reconciliation-${isoDay(due)}-csv.zip`);
    expectStatus(await w.admin.post(`/api/v1/report-schedules/${device.id}/run`, {}), 202);
    await w.drain();
    expect(await smtp.waitFor(3)).toHaveLength(3);
  });
});
