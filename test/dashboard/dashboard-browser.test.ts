import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceDetail, deviceList } from '@steward/shared';
import { chromiumMissing, launchChromium } from './support/browser.js';
import { documentStillMarked, markDocument, saveScreenshot, signIn } from './support/browser-session.js';
import { buildDashboard } from './support/built-dashboard.js';
import { ADMIN_PASSWORD, startDashboardCollector, type DashboardCollector } from './support/dashboard-collector.js';
import { fleetHostname, fleetReport } from './support/fleet.js';
import { enrolAgent, inParallel, sendReport } from './support/simulated-agent.js';

const FLEET_SIZE = 30;

/**
 * The built dashboard in Debian's chromium, served by a real collector on an embedded database,
 * with devices reported through the real agent API.
 */
describe.skipIf(chromiumMissing())('dashboard in a browser, against a real collector', () => {
  let distDir: string;
  let collector: DashboardCollector;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    distDir = await buildDashboard();
    collector = await startDashboardCollector(distDir);
    await inParallel(FLEET_SIZE, 4, async (index) => {
      const agent = await enrolAgent(collector.url, fleetHostname(index));
      await sendReport(collector.url, agent, fleetReport(agent.agentId, index));
    });
    adminToken = await collector.login();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  async function apiDevices(query: string) {
    const response = await fetch(`${collector.url}/api/v1/devices?${query}`, { headers: { authorization: `Bearer ${adminToken}` } });
    return deviceList.parse(await response.json());
  }

  async function adminPage(width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 860 }, acceptDownloads: true });
    await signIn(page, collector.url, 'admin', ADMIN_PASSWORD);
    return page;
  }

  it('refuses a wrong password with a message, then signs in to an overview drawn from the devices API', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(collector.url);
    await saveScreenshot(page, 'login');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong username or password');

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const devicesCard = page.getByRole('region', { name: 'Devices', exact: true });
    const expected = (await apiDevices('limit=1')).total;
    await expect.poll(() => devicesCard.locator('.stat-value').textContent()).toBe(String(expected));
    const agents = (await apiDevices('limit=1&kind=agent')).total;
    expect(await page.getByRole('region', { name: 'Agents', exact: true }).locator('.stat-value').textContent()).toBe(String(agents));
    expect(await page.getByTestId('current-user').textContent()).toContain('Administrator');
    // Fewer devices than the overview's sample: the breakdown is exact and covers every device.
    const bars = page.getByRole('table', { name: 'Devices by operating system' }).locator('.bar-value');
    await bars.first().waitFor();
    const perSystem = (await bars.allTextContents()).map((value) => Number(value.replace(/,/g, '')));
    expect(perSystem.reduce((sum, n) => sum + n, 0)).toBe(expected);
    expect(await page.getByTestId('sample-note').count()).toBe(0);
    await saveScreenshot(page, 'overview', true);
    await page.close();
  });

  it('shows a device an agent reports on the open devices list within a second, without reloading', async () => {
    const page = await adminPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await page.getByTestId('devices-table').locator('tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Live');
    await markDocument(page);

    // "aaa-" sorts before the fleet's "ws-" names, so the new device lands on the open first page.
    const hostname = `aaa-new-${Date.now().toString(36)}`;
    const agent = await enrolAgent(collector.url, hostname);
    const answer = await sendReport(collector.url, agent, fleetReport(agent.agentId, 9000, hostname));
    const reportedAt = Date.now();
    const row = page.locator(`tr[data-device-id="${answer.deviceId}"]`);
    await row.waitFor({ timeout: 5000 });
    const elapsed = Date.now() - reportedAt;
    console.log(`new device drawn ${elapsed} ms after the collector accepted its report`);
    expect(elapsed).toBeLessThan(1000);
    expect(await row.textContent()).toContain(hostname);
    expect(await row.textContent()).toContain('New');
    expect(await documentStillMarked(page)).toBe(true);
    const sideways = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways, 'the devices table fits a 1280 px screen').toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'devices-live-update');
    await page.close();
  });

  it('searches, filters, sorts and pages on the server, never asking for more than a page', async () => {
    const page = await adminPage();
    const listRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/devices') listRequests.push(url);
    });
    await page.goto(`${collector.url}/devices?size=25`);
    const table = page.getByTestId('devices-table');
    await table.locator('tbody tr').first().waitFor();
    const all = await apiDevices('limit=1');
    expect(await table.locator('tbody tr').count()).toBe(Math.min(25, all.total));

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.url()).toContain('page=2');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(all.total - 25);
    expect(await page.locator('.pagination-range').textContent()).toBe(`26–${all.total} of ${all.total} devices`);

    await page.getByLabel('Search devices').fill('ws-0001');
    const matching = await apiDevices('search=ws-0001&limit=100');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(matching.total);
    const shownNames = await table.locator('tbody tr td:first-child a').allTextContents();
    expect(shownNames.sort()).toEqual(matching.items.map((d) => d.hostname).sort());
    // The export takes the same filters, and every matching row, not the page.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^devices-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = readFileSync(await file.path(), 'utf8').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(exported.sort()).toEqual(matching.items.map((d) => d.hostname).sort());

    await page.getByLabel('Search devices').fill('');
    await page.getByRole('radio', { name: 'SNMP' }).check();
    await expect.poll(() => page.url()).toContain('kind=snmp');
    const snmp = await apiDevices('kind=snmp&limit=1');
    if (snmp.total === 0) await page.getByText('No device matches these filters').waitFor();
    await page.getByRole('radio', { name: 'All' }).check();

    await page.getByRole('button', { name: /^Software/ }).click();
    await page.getByRole('button', { name: /^Software/ }).click();
    await expect.poll(() => page.url()).toContain('order=desc');
    const top = await apiDevices('sort=softwareCount&order=desc&limit=1');
    await expect.poll(() => table.locator('tbody tr').first().locator('td.numeric').textContent()).toBe(String(top.items[0]!.softwareCount));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Software');

    expect(listRequests.length).toBeGreaterThan(0);
    for (const url of listRequests) expect(Number(url.searchParams.get('limit'))).toBeLessThanOrEqual(1000);
    await saveScreenshot(page, 'devices');
    await page.close();
  });

  it('shows a device: hardware, operating system, interfaces, and software with its own filter', async () => {
    const page = await adminPage();
    const target = (await apiDevices('search=ws-00007&limit=1')).items[0]!;
    await page.goto(`${collector.url}/devices/${target.id}`);
    await page.getByRole('heading', { name: target.hostname, level: 1 }).waitFor();
    const summary = page.locator('#device-panel');
    const report = fleetReport(target.id, 7);
    await expect.poll(() => summary.textContent()).toContain(report.hardware.system!.model!);
    await expect.poll(() => summary.textContent()).toContain(report.os.name);
    await expect.poll(() => summary.textContent()).toContain(`${report.hardware.cpu!.arch} (${report.hardware.cpu!.isaLevel})`);
    // The reporting agent, and its clock: no heartbeat yet, so not measured.
    const detail = deviceDetail.parse(await (await fetch(`${collector.url}/api/v1/devices/${target.id}`, { headers: { authorization: `Bearer ${adminToken}` } })).json());
    expect(detail.agent?.version).toBeTruthy();
    await expect.poll(() => summary.textContent()).toContain(`${detail.agent!.version} (${detail.agent!.platform})`);
    expect(await summary.getByTestId('device-clock').textContent()).toBe('not measured');
    await saveScreenshot(page, 'device-summary', true);

    await page.getByRole('tab', { name: 'Hardware' }).click();
    const filesystems = page.getByTestId('filesystems-table');
    const rootRow = filesystems.locator('tbody tr', { hasText: '/dev/nvme0n1p2' });
    expect(await rootRow.locator('td').allTextContents()).toEqual(['/', 'ext4', '/dev/nvme0n1p2', '—', expect.any(String), expect.any(String), '75%']);
    await expect.poll(() => filesystems.textContent()).toContain('/boot/efi');

    await page.getByRole('tab', { name: /^Network/ }).click();
    const interfaces = page.getByTestId('interfaces-table');
    await expect.poll(() => interfaces.textContent()).toContain(report.hardware.networkInterfaces![0]!.mac!);
    expect(await interfaces.locator('tbody tr', { hasText: 'docker0' }).textContent()).toMatch(/docker.*down/);

    await page.getByRole('tab', { name: /^Network/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('tab=software');
    const software = page.getByTestId('software-table');
    const total = await software.locator('tbody tr').count();
    expect(total).toBe(Math.min(100, target.softwareCount));
    await page.getByLabel('Filter software').fill('openssl');
    const names = await software.locator('tbody tr td:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(total);
    for (const name of names) expect(name.toLowerCase()).toContain('openssl');
    await saveScreenshot(page, 'device-software');
    await page.close();
  });

  it('hides what a role may not do: auditors get no device actions, helpdesk no agent commands, reports or settings', async () => {
    await collector.addUser('audrey', 'auditor-password-1', 'auditor');
    await collector.addUser('harry', 'helpdesk-password-1', 'helpdesk');
    const deviceId = (await apiDevices('limit=1')).items[0]!.id;

    const admin = await adminPage();
    await admin.goto(`${collector.url}/devices/${deviceId}`);
    await admin.getByTestId('device-actions').waitFor();
    expect(await admin.getByTestId('device-actions').textContent()).toContain('Collect now');
    await admin.close();

    const auditor = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(auditor, collector.url, 'audrey', 'auditor-password-1');
    await auditor.goto(`${collector.url}/devices/${deviceId}`);
    await auditor.locator('#device-panel').waitFor();
    expect(await auditor.getByTestId('device-actions').count()).toBe(0);
    expect(await auditor.getByRole('link', { name: 'Settings' }).count()).toBe(1);
    await auditor.close();

    const helpdesk = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(helpdesk, collector.url, 'harry', 'helpdesk-password-1');
    const nav = helpdesk.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Devices' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Reports' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    // Helpdesk checks out what the register holds: the device is registered first.
    const categories = await (await fetch(`${collector.url}/api/v1/register/categories?limit=1`, { headers: { authorization: `Bearer ${adminToken}` } })).json() as { items: { id: string }[] };
    const registered = await fetch(`${collector.url}/api/v1/register/assets`, {
      method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Role check workstation', categoryId: categories.items[0]!.id, deviceId }),
    });
    expect(registered.status).toBe(201);
    await helpdesk.goto(`${collector.url}/devices/${deviceId}`);
    await helpdesk.getByTestId('device-actions').getByText('Check out').waitFor();
    const actions = await helpdesk.getByTestId('device-actions').textContent();
    expect(actions).not.toContain('Collect now');
    expect(actions).not.toContain('Edit register record');
    await helpdesk.goto(`${collector.url}/settings`);
    await helpdesk.getByText('Your role does not give access to this screen').waitFor();
    await helpdesk.close();
  });

  it('works from the keyboard with a visible focus, and fits tablet width without sideways scrolling', async () => {
    const page = await adminPage(820);
    await page.goto(`${collector.url}/devices`);
    await page.getByTestId('devices-table').locator('tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle + getComputedStyle(el).borderStyle);
    expect(outline).not.toBe('nonenone');

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('device-search');

    const hostnameSort = page.getByRole('button', { name: /^Hostname/ });
    await hostnameSort.focus();
    expect(await hostnameSort.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[aria-sort="descending"]').textContent()).toContain('Hostname');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Devices' }).count()).toBe(1);
    await saveScreenshot(page, 'devices-tablet');
    await page.close();
  });

  // Last: it stops and restarts the collector.
  it('shows a banner when the live connection is lost and when it is back, and catches up', async () => {
    const page = await adminPage();
    await page.goto(`${collector.url}/devices`);
    await page.getByTestId('devices-table').locator('tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Live');
    await markDocument(page);

    await collector.restart(async () => {
      await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('connection-status').textContent()).toContain('Offline');
      await saveScreenshot(page, 'connection-lost');
    });
    // An agent reports while the dashboard is still reconnecting: the resync after "ready" must show it.
    const hostname = `aab-during-${Date.now().toString(36)}`;
    const agent = await enrolAgent(collector.url, hostname);
    const answer = await sendReport(collector.url, agent, fleetReport(agent.agentId, 9001, hostname));
    await page.getByTestId('connection-restored').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('connection-status').textContent()).toContain('Live');
    await page.locator(`tr[data-device-id="${answer.deviceId}"]`).waitFor({ timeout: 5000 });
    expect(await documentStillMarked(page)).toBe(true);
    await saveScreenshot(page, 'connection-restored');
    await page.close();
  });
});
