import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { deviceHistory, findingList, positionList, reportResult, reportScheduleRecord, softwareHoldersAnswer, softwareSearchAnswer, triageList, unpricedNote } from '@steward/shared';
import { z } from 'zod';
import { chromiumMissing, launchChromium } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { buildDashboard } from './support/built-dashboard.js';
import { ADMIN_PASSWORD, startDashboardCollector, type DashboardCollector } from './support/dashboard-collector.js';
import { fleetHostname, fleetReport } from './support/fleet.js';
import { enrolAgent, inParallel, sendReport } from './support/simulated-agent.js';

const FLEET_SIZE = 6;

/** Poppler's tools read PDFs back as a person's reader would; CI installs them, a developer may not have them. */
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
if (!poppler && process.env.CI === 'true') throw new Error('pdftotext and pdfinfo (poppler-utils) are needed to read the labels back');
if (!poppler) console.warn('skipping the reading of label PDFs: poppler-utils is not installed');
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/**
 * The review and compliance screens in Debian's chromium against a real collector: agents report,
 * a full reconciliation runs through the API, and people act on what it found.
 */
describe.skipIf(chromiumMissing())('findings, reports and role-aware register actions in a browser', () => {
  let distDir: string;
  let collector: DashboardCollector;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    distDir = await buildDashboard();
    collector = await startDashboardCollector(distDir);
    await inParallel(FLEET_SIZE, 3, async (index) => {
      const agent = await enrolAgent(collector.url, fleetHostname(index, 'rv'));
      await sendReport(collector.url, agent, fleetReport(agent.agentId, index, fleetHostname(index, 'rv')));
    });
    adminToken = await collector.login();
    const run = await api('/api/v1/reconcile/run?wait=true', { method: 'POST' });
    if (!run.ok) throw new Error(`reconciliation failed: ${run.status} ${await run.text()}`);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  function api(path: string, init: RequestInit = {}) {
    return fetch(`${collector.url}${path}`, { ...init, headers: { authorization: `Bearer ${adminToken}`, ...init.headers } });
  }

  async function pageAs(username: string, password: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    await signIn(page, collector.url, username, password);
    return page;
  }

  it('registers a discovered device from the findings queue and its finding leaves the open list at once', async () => {
    const open = findingList.parse(await (await api('/api/v1/findings?type=unregistered&state=open')).json());
    expect(open.total).toBeGreaterThan(0);
    const target = open.items[0]!;

    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    const row = page.locator(`tr[data-finding-id="${target.id}"]`);
    await row.waitFor();
    expect(await page.getByTestId('findings-table').locator('tbody tr[data-finding-id]').count()).toBe(Math.min(open.total, 50));
    await saveScreenshot(page, 'findings');
    await row.getByRole('button', { name: 'Register' }).click();
    const form = page.getByRole('form', { name: 'Register as a new asset' });
    await form.getByRole('button', { name: 'Register asset' }).waitFor();
    await expect.poll(() => form.locator('select option').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'findings-register');
    await form.getByRole('button', { name: 'Register asset' }).click();
    await row.waitFor({ state: 'detached' });

    const after = findingList.parse(await (await api(`/api/v1/findings?type=unregistered&state=open`)).json());
    expect(after.items.map((item) => item.id)).not.toContain(target.id);
    const registered = await (await api(`/api/v1/register/assets?limit=5`)).json() as { items: { deviceId: string | null }[] };
    expect(registered.items.map((item) => item.deviceId)).toContain(target.deviceId);
    await page.close();
  });

  it('shows compliance at a glance on the overview: open findings and the licence position as the API counts them', async () => {
    const unregistered = findingList.parse(await (await api('/api/v1/findings?type=unregistered&state=open&limit=1')).json()).total;
    const positions = positionList.parse(await (await api('/api/v1/licenses/position')).json());
    const page = await pageAs('admin', ADMIN_PASSWORD);
    const glance = page.getByTestId('compliance-glance');
    const item = (label: string) => glance.locator('.glance-item', { has: page.locator('.glance-label', { hasText: new RegExp(`^${label}$`) }) });
    const figure = (label: string) => item(label).locator('.glance-value');
    await expect.poll(() => figure('Unregistered devices').textContent()).toMatch(new RegExp(`${unregistered}$`));
    expect(await figure('Unlicensed installs').textContent()).toMatch(new RegExp(`${positions.totals.unlicensed}$`));
    const short = positions.items.filter((item) => item.shortfall > 0).length;
    expect(await figure('Products in shortfall').textContent()).toMatch(new RegExp(`${short}$`));
    // The cost names what it leaves out for want of a price.
    expect(await item('Cost of the shortfall').locator('.glance-detail').textContent()).toBe(unpricedNote(positions.totals));
    // A figure that needs attention says so with a mark, not only a colour.
    if (unregistered > 0) expect(await figure('Unregistered devices').textContent()).toContain('⚠');
    await page.getByTestId('licence-trend').waitFor();
    await page.getByTestId('network-glance').waitFor();

    // Alerts by severity, as the API counts them: a rule that raises one per unregistered device.
    const json = { 'content-type': 'application/json' };
    const rule = await (await api('/api/v1/alerts/rules', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Unregistered devices', kind: 'device_unregistered' }) })).json() as { id: string };
    try {
      expect((await api('/api/v1/alerts/evaluate', { method: 'POST', headers: json, body: '{}' })).status).toBe(200);
      const live = async (severity: string) => (await (await api(`/api/v1/alerts?state=open,acknowledged&severity=${severity}&hideSnoozed=true&limit=1`)).json() as { total: number }).total;
      const counts = { Critical: await live('critical'), Warning: await live('warning'), Information: await live('info') };
      expect(counts.Information).toBeGreaterThanOrEqual(unregistered);
      await page.reload();
      const alerts = page.getByTestId('alerts-glance');
      for (const [label, count] of Object.entries(counts)) {
        await expect.poll(() => alerts.locator('.glance-item', { hasText: label }).locator('.glance-value').textContent()).toMatch(new RegExp(`(^|\\s)${count}$`));
      }
      await saveScreenshot(page, 'overview-compliance', true);
    } finally {
      await api(`/api/v1/alerts/rules/${rule.id}`, { method: 'DELETE' });
    }
    await page.close();
  });

  it("shows a device's history: software removed and upgraded between reports, newest first, and its findings", async () => {
    const hostname = fleetHostname(90, 'hx');
    const agent = await enrolAgent(collector.url, hostname);
    const first = fleetReport(agent.agentId, 90, hostname);
    await sendReport(collector.url, agent, first);
    const [removed, upgraded, ...kept] = first.software!;
    const second = { ...first, reportId: randomUUID(), software: [...kept, { ...upgraded!, version: `${upgraded!.version}-patched` }] };
    await sendReport(collector.url, agent, second);
    const devices = await (await api(`/api/v1/devices?search=${hostname}`)).json() as { items: { id: string }[] };
    const deviceId = devices.items[0]!.id;
    const history = deviceHistory.parse(await (await api(`/api/v1/devices/${deviceId}/history`)).json());
    expect(history.items.find((c) => c.name === removed!.name)).toMatchObject({ change: 'removed' });
    expect(history.items.find((c) => c.name === upgraded!.name)).toMatchObject({ change: 'upgraded', newVersion: `${upgraded!.version}-patched` });

    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/devices/${deviceId}?tab=history`);
    const changes = page.getByTestId('device-changes');
    await changes.waitFor();
    const rows = await changes.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(history.items.length);
    expect(rows.find((row) => row.includes(removed!.name))).toContain('Removed');
    expect(rows.find((row) => row.includes(upgraded!.name))).toContain(`→ ${upgraded!.version}-patched`);
    await page.getByText('Reconciliation has nothing to say about this device.').or(page.getByTestId('device-findings')).first().waitFor();
    await page.getByText('Not in the register').first().waitFor();

    // Recorded in the register, the device shows its asset, holder and warranty.
    const categories = await (await api('/api/v1/register/categories?limit=500')).json() as { items: { id: string }[] };
    const created = await api('/api/v1/register/assets', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'History laptop', categoryId: categories.items[0]!.id, status: 'in_stock', deviceId, warrantyExpires: '2029-06-30' }),
    });
    expect(created.status).toBe(201);
    const tag = (await created.json() as { tag: string }).tag;
    const elsewhere = await (await api(`/api/v1/register/assets?deviceId=${randomUUID()}`)).json() as { items: unknown[] };
    expect(elsewhere.items).toHaveLength(0);
    await page.reload();
    const record = page.getByTestId('device-asset');
    await record.waitFor();
    await expect.poll(() => record.textContent()).toContain(tag);
    await expect.poll(() => record.textContent()).toContain('2029-06-30');
    await saveScreenshot(page, 'device-history');
    await page.close();
  });

  it('runs the licence reconciliation report and downloads it as CSV and PDF', async () => {
    const positions = positionList.parse(await (await api('/api/v1/licenses/position')).json());
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const card = page.getByTestId('licence-report');
    await card.waitFor();
    await saveScreenshot(page, 'reports');

    const [zip] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(zip.suggestedFilename()).toMatch(/^licence-reconciliation-\d{4}-\d{2}-\d{2}-csv\.zip$/);
    expect(readFileSync(await zip.path()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await card.getByLabel('CSV table').selectOption('positions');
    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^licence-reconciliation-\d{4}-\d{2}-\d{2}-positions\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split(/\r?\n/).filter(Boolean)).toHaveLength(positions.items.length + 1);
    for (const position of positions.items) expect(text).toContain(position.product);
    await card.getByRole('status').getByText(csv.suggestedFilename()).waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });

  it('runs a register report with its parameters, names a refused one, and schedules, sends and deletes a mailed report', async () => {
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const coverage = page.getByTestId('cis-coverage-report');
    await coverage.getByLabel('Agent counts as live within').fill('3');
    const [csv] = await Promise.all([page.waitForEvent('download'), coverage.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^cis-coverage-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    const expected = reportResult.parse(await (await api('/api/v1/reports/cis-coverage?agentSilentDays=3')).json());
    expect(expected.params).toMatchObject({ agentSilentDays: 3 });
    expect(text.split(/\r?\n/).filter(Boolean)).toHaveLength(expected.rows.length + 1);
    for (const row of expected.rows) expect(text).toContain(String(Object.values(row)[1]));

    const utilisation = page.getByTestId('utilisation-report');
    await utilisation.getByLabel('Idle after').fill('0');
    await utilisation.getByRole('button', { name: 'Download PDF' }).click();
    await expect.poll(async () => (await utilisation.getByRole('alert').textContent()) ?? '').toContain('idleDays');

    const panel = page.getByTestId('report-schedules');
    await panel.locator('label', { hasText: 'Report' }).first().locator('select').selectOption('renewals');
    await panel.getByLabel(/^When/).fill('every monday');
    await panel.getByLabel('Time zone').fill('Europe/Paris');
    await panel.getByLabel(/^Send to/).fill('cfo@example.org, it@example.org');
    await panel.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(async () => (await panel.getByRole('alert').textContent()) ?? '').toContain('cron');
    await panel.getByLabel(/^When/).fill('0 7 * * 1');
    await panel.getByRole('button', { name: 'Schedule' }).click();
    const row = panel.locator('tr[data-schedule="Upcoming renewals"]');
    await row.waitFor();
    const stored = z.object({ items: z.array(reportScheduleRecord) }).parse(await (await api('/api/v1/report-schedules')).json()).items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ report: 'renewals', cron: '0 7 * * 1', timezone: 'Europe/Paris', format: 'pdf', recipients: ['cfo@example.org', 'it@example.org'] });
    const next = new Date(stored[0]!.nextRunAt!);
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
    expect(paris).toBe('Mon 07:00');
    await saveScreenshot(page, 'report-schedules');

    await row.getByRole('button', { name: 'Send now' }).click();
    await panel.getByText('Upcoming renewals: queued for sending to cfo@example.org, it@example.org.').waitFor();
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    expect(z.object({ items: z.array(reportScheduleRecord) }).parse(await (await api('/api/v1/report-schedules')).json()).items).toHaveLength(0);
    await page.close();
  });

  it('finds software across the estate by name and shows the devices holding a title', async () => {
    const found = softwareSearchAnswer.parse(await (await api('/api/v1/software?search=firefox')).json()).items;
    expect(found.length).toBeGreaterThan(0);
    const title = found[0]!;
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Software' }).click();
    await page.getByLabel('Find software').fill('firefox');
    const table = page.getByTestId('software-titles');
    await expect.poll(() => table.locator('tbody tr[data-title]').count()).toBe(found.length);
    expect(new URL(page.url()).search).toBe('?search=firefox');
    const row = table.locator(`tr[data-title="${title.name}"]`).first();
    expect(await row.locator('td.numeric').textContent()).toBe(String(title.devices));
    await row.getByRole('button', { name: 'Show devices' }).click();
    const holders = softwareHoldersAnswer.parse(await (await api(`/api/v1/software/devices?name=${encodeURIComponent(title.name)}&publisher=${encodeURIComponent(title.publisher ?? '')}`)).json());
    const listed = page.getByTestId('software-holders');
    await expect.poll(() => listed.locator('tbody tr').count()).toBe(holders.items.length);
    expect((await listed.locator('tbody tr td:first-child a').allTextContents()).sort()).toEqual(holders.items.map((h) => h.hostname).sort());
    await saveScreenshot(page, 'software');
    await listed.locator('tbody tr td:first-child a').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/devices\//);
    await page.close();
  });

  it('shows the licence position per product, drills down to unlicensed installs, and lists unrecognised titles', async () => {
    const positions = positionList.parse(await (await api('/api/v1/licenses/position')).json());
    const triage = triageList.parse(await (await api('/api/v1/software/triage?limit=100')).json());
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/licences`);
    if (positions.items.length > 0) {
      const table = page.getByTestId('position-table');
      await table.waitFor();
      expect(await table.locator('tbody tr[data-product-id]').count()).toBe(positions.items.length);
      const product = positions.items.find((item) => item.unlicensed > 0) ?? positions.items[0]!;
      await table.locator(`tr[data-product-id="${product.productId}"]`).getByRole('button').click();
      if (product.unlicensed > 0) {
        await expect.poll(() => page.getByTestId('unlicensed-table').locator('tbody tr').count()).toBe(Math.min(product.unlicensed, 200));
      } else {
        await page.getByText('Every install of this product is covered.').waitFor();
      }
    } else {
      await page.getByText('No licensable products found').waitFor();
    }
    await saveScreenshot(page, 'licences-position');
    await page.getByRole('tab', { name: 'Unrecognised software' }).click();
    if (triage.total > 0) {
      await expect.poll(() => page.getByTestId('triage-table').locator('tbody tr').count()).toBe(triage.items.length);
    } else {
      await page.getByText('Every title is recognised').waitFor();
    }
    await saveScreenshot(page, 'licences-triage');
    await page.getByRole('tab', { name: 'Entitlements' }).click();
    await page.getByText('No entitlements recorded').waitFor();
    await page.close();
  });

  it('names the products the shortfall cost leaves out, and prices one from the position screen', async () => {
    const before = positionList.parse(await (await api('/api/v1/licenses/position')).json());
    // The fleet's Windows machines have no entitlement and the catalogue no price for Windows.
    expect(before.totals.unpricedProducts).toBeGreaterThan(0);
    const product = before.items.find((item) => item.shortfall > 0 && item.shortfallCost === null)!;
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/licences`);
    const note = page.getByTestId('unpriced-note');
    await expect.poll(() => note.textContent()).toContain(unpricedNote(before.totals)!);
    const row = page.getByTestId('position-table').locator(`tr[data-product-id="${product.productId}"]`);
    await row.getByText('No price').waitFor();
    await row.getByRole('button').click();
    const form = page.getByRole('form', { name: `Price of ${product.product}` });
    await form.getByLabel('Price from').selectOption('organisation');
    await form.getByLabel(/^Unit price/).fill('75');
    await form.getByLabel('Currency').fill('USD');
    await saveScreenshot(page, 'licences-price');
    await form.getByRole('button', { name: 'Set price' }).click();
    await expect.poll(async () => ((await row.locator('td').last().textContent()) ?? '').replace(/\D/g, '')).toBe(String(product.shortfall * 75));
    const after = positionList.parse(await (await api('/api/v1/licenses/position')).json());
    expect(after.items.find((item) => item.productId === product.productId)).toMatchObject({ shortfallCost: product.shortfall * 75, currency: 'USD' });
    expect(after.totals.unpricedProducts).toBe(before.totals.unpricedProducts - 1);
    const expected = unpricedNote(after.totals);
    if (expected) await expect.poll(() => note.textContent()).toContain(expected);
    else await note.waitFor({ state: 'detached' });
    await page.close();
  });

  it('records an entitlement with a licence key that is never shown back, then changes its quantity', async () => {
    const licenceKey = `KEY-${Date.now().toString(36).toUpperCase()}-SECRET`;
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/licences`);
    await page.getByRole('tab', { name: 'Entitlements' }).click();
    await page.getByRole('button', { name: 'Record entitlement' }).click();
    const form = page.getByTestId('entitlement-form');
    const product = form.getByLabel('Product');
    await expect.poll(() => product.locator('option').count()).toBeGreaterThan(1);
    const productId = await product.locator('option').nth(1).getAttribute('value');
    await product.selectOption(productId!);
    await form.getByLabel('Quantity').fill('25');
    await form.getByLabel('Vendor').fill('Reseller Ltd');
    await form.getByLabel(/Licence keys/).fill(licenceKey);
    await form.getByRole('button', { name: 'Record entitlement' }).click();
    const row = page.getByTestId('entitlements-table').locator('tbody tr[data-entitlement-id]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('1 key stored');
    expect(await page.content()).not.toContain(licenceKey);
    await saveScreenshot(page, 'licences-entitlements');

    const stored = await (await api('/api/v1/licenses/entitlements')).json() as { items: { id: string; productId: string; quantity: number; licenceKeyCount: number }[] };
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ productId, quantity: 25, licenceKeyCount: 1 });
    expect(JSON.stringify(stored)).not.toContain(licenceKey);

    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByTestId('entitlement-form');
    expect(await edit.getByLabel(/Licence keys/).inputValue()).toBe('');
    await edit.getByLabel('Quantity').fill('40');
    await edit.getByRole('button', { name: 'Save entitlement' }).click();
    await expect.poll(() => row.locator('td.numeric').first().textContent()).toBe('40');
    const changed = await (await api(`/api/v1/licenses/entitlements/${stored.items[0]!.id}`)).json() as { quantity: number; licenceKeyCount: number; vendor: string };
    expect(changed).toMatchObject({ quantity: 40, licenceKeyCount: 1, vendor: 'Reseller Ltd' });
    await page.close();
  });

  it('imports assets from CSV: the preview names the rows and fields in error, the commit imports the valid rows', async () => {
    const categories = await (await api('/api/v1/register/categories?limit=500')).json() as { items: { name: string }[] };
    const category = categories.items[0]!.name;
    const csv = [
      'Asset tag,Name,Category,Serial,Purchase date',
      `IMP-0001,Imported laptop one,${category},SER-IMP-1,2025-03-01`,
      `IMP-0002,Imported laptop two,No such category here,SER-IMP-2,2025-03-01`,
      `IMP-0003,Imported laptop three,${category},SER-IMP-3,not-a-date`,
      `IMP-0004,Imported laptop four,${category},SER-IMP-4,2025-04-01`,
    ].join('\n');
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/register`);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('p').first().textContent()).toContain('4 rows: 2 ready, 2 in error');
    const errorRows = await page.getByTestId('import-errors').locator('tbody tr').allTextContents();
    expect(errorRows.some((row) => row.includes('Category'))).toBe(true);
    expect(errorRows.some((row) => row.includes('Purchase date'))).toBe(true);
    await saveScreenshot(page, 'register-import-preview');
    await preview.getByRole('button', { name: 'Import the 2 valid rows' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('Imported 2 assets');
    const imported = await (await api('/api/v1/register/assets?search=Imported%20laptop')).json() as { items: { tag: string }[] };
    expect(imported.items.map((item) => item.tag).sort()).toEqual(['IMP-0001', 'IMP-0004']);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Search assets').fill('Imported laptop');
    await expect.poll(() => page.getByTestId('assets-table').locator('tbody tr').count()).toBe(2);
    await saveScreenshot(page, 'register');

    // Labels for the page shown: one PDF page of A4 labels holding both tags, and one Dymo label per asset.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Labels for this page' }).click()]);
    expect(sheet.suggestedFilename()).toBe('labels-avery-l7163.pdf');
    if (poppler) {
      const sheetText = pdfText(await sheet.path());
      for (const tag of ['IMP-0001', 'IMP-0004']) expect(sheetText).toContain(tag);
      expect(pdfPages(await sheet.path())).toBe(1);
    }
    await page.getByTestId('assets-table').locator('a', { hasText: 'IMP-0004' }).click();
    const single = page.getByTestId('labels-control');
    await single.locator('select').selectOption('dymo-99012');
    const [label] = await Promise.all([page.waitForEvent('download'), single.getByRole('button', { name: 'Print label' }).click()]);
    expect(label.suggestedFilename()).toBe('labels-dymo-99012.pdf');
    if (poppler) {
      const labelText = pdfText(await label.path());
      expect(labelText).toContain('IMP-0004');
      expect(labelText).not.toContain('IMP-0001');
    }
    await page.close();
  });

  it('starts a network sweep and follows it to its end', async () => {
    const credential = await api('/api/v1/network/credentials', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'dashboard test v2c', version: '2c', community: 'dashboard-test' }),
    });
    expect(credential.status).toBe(201);
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/network`);
    await page.getByRole('button', { name: 'New sweep' }).click();
    // Nothing answers SNMP on this loopback address: the sweep settles it as silent and ends.
    await page.getByLabel('Addresses to sweep').fill('127.0.0.9');
    await page.getByRole('button', { name: 'Start sweep' }).click();
    const status = page.getByTestId('sweep-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Sweep finished: 1 of 1 addresses, 0 identified/);
    const sweeps = await (await api('/api/v1/network/sweeps')).json() as { items: { include: string[]; status: string }[] };
    expect(sweeps.items[0]).toMatchObject({ include: ['127.0.0.9'], status: 'finished' });
    await saveScreenshot(page, 'network');
    await page.close();
  });

  it('shows no register actions to roles without register:write: helpdesk may only check out, auditors nothing', async () => {
    const categories = await (await api('/api/v1/register/categories?limit=500')).json() as { items: { id: string }[] };
    const created = await api('/api/v1/register/assets', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Role check laptop', categoryId: categories.items[0]!.id, status: 'in_stock' }),
    });
    expect(created.status).toBe(201);
    const assetId = (await created.json() as { id: string }).id;
    await collector.addUser('audra', 'auditor-password-2', 'auditor');
    await collector.addUser('hal', 'helpdesk-password-2', 'helpdesk');

    const admin = await pageAs('admin', ADMIN_PASSWORD);
    await admin.goto(`${collector.url}/register/${assetId}`);
    const adminActions = admin.getByTestId('asset-actions');
    await adminActions.getByRole('button', { name: 'Change status' }).waitFor();
    expect(await adminActions.getByRole('button', { name: 'Check out' }).count()).toBe(1);
    await saveScreenshot(admin, 'register-asset');
    await admin.close();

    const helpdesk = await pageAs('hal', 'helpdesk-password-2');
    await helpdesk.goto(`${collector.url}/register/${assetId}`);
    const helpdeskActions = helpdesk.getByTestId('asset-actions');
    await helpdeskActions.getByRole('button', { name: 'Check out' }).waitFor();
    expect(await helpdeskActions.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    await helpdesk.goto(`${collector.url}/register`);
    await helpdesk.getByTestId('assets-table').waitFor();
    expect(await helpdesk.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
    await helpdesk.close();

    const auditor = await pageAs('audra', 'auditor-password-2');
    await auditor.goto(`${collector.url}/register/${assetId}`);
    await auditor.getByTestId('asset-facts').waitFor();
    expect(await auditor.getByTestId('asset-actions').count()).toBe(0);
    await auditor.goto(`${collector.url}/register`);
    await auditor.getByTestId('assets-table').waitFor();
    expect(await auditor.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
    await auditor.goto(`${collector.url}/findings`);
    await auditor.getByTestId('findings-table').waitFor();
    expect(await auditor.getByTestId('findings-table').getByRole('button').count()).toBe(0);
    await auditor.close();
  });
});
