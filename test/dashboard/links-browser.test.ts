import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asset, findingList } from '@steward/shared';
import { chromiumMissing } from './support/browser.js';
import { documentStillMarked, markDocument, saveScreenshot, signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD } from './support/dashboard-collector.js';
import { fleetReport } from './support/fleet.js';
import { enrolAgent, sendReport } from './support/simulated-agent.js';

const TAG = 'LNK-7001';
const HOSTNAME = 'lnk-browser-ws';

/**
 * A discovered device linked to an asset from the findings queue, by what the screen says: the
 * finding leaves the open list at once for the person acting and for a colleague watching the same
 * list, and the asset's tag then shows on the device page, in the devices list and its export, and
 * finds the device from the top bar's search, which a keyboard alone can use.
 */
describe.skipIf(chromiumMissing())('linking a device to its asset in a browser', () => {
  const world = useBrowserWorld();
  let deviceId = '';

  async function pageAs(username: string, password: string): Promise<Page> {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, world.collector.url, username, password);
    return page;
  }

  async function openFindings(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    await page.getByTestId('findings-table').waitFor();
  }

  it('links the device from the findings queue; both open lists drop the finding without a reload', async () => {
    const agent = await enrolAgent(world.collector.url, HOSTNAME);
    deviceId = (await sendReport(world.collector.url, agent, fleetReport(agent.agentId, 901, HOSTNAME))).deviceId;
    const categories = (await world.api('/api/v1/register/categories?limit=1')).body as { items: Array<{ id: string }> };
    const made = await world.api('/api/v1/register/assets', {
      method: 'POST', body: JSON.stringify({ tag: TAG, name: 'Browser laptop', categoryId: categories.items[0]!.id, status: 'deployed' }),
    });
    expect(made.status).toBe(201);
    const assetId = asset.parse(made.body).id;
    expect((await world.api('/api/v1/reconcile/run?wait=true', { method: 'POST', body: '{}' })).status).toBe(200);
    const open = findingList.parse((await world.api(`/api/v1/findings?type=unregistered&state=open&deviceId=${deviceId}`)).body);
    const target = open.items[0]!;

    await world.collector.addUser('colleague', 'colleague-password-1', 'itadmin');
    const colleague = await pageAs('colleague', 'colleague-password-1');
    await openFindings(colleague);
    await markDocument(colleague);
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await openFindings(page);
    await markDocument(page);
    const subtitle = async (p: Page) => Number(/^([\d,]+)/.exec((await p.locator('.page-header .page-subtitle').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const before = await subtitle(page);

    const row = page.locator(`tr[data-finding-id="${target.id}"]`);
    await row.getByRole('button', { name: 'Link' }).click();
    const form = page.getByRole('form', { name: 'Link to an existing asset' });
    await form.getByLabel('Find an asset').fill(TAG);
    await expect.poll(() => form.locator('select').locator('option').allTextContents()).toContainEqual(expect.stringContaining(TAG));
    await form.locator('select').selectOption({ label: `${TAG} · Browser laptop` });
    await form.getByRole('button', { name: 'Link' }).click();

    await row.waitFor({ state: 'detached' });
    expect(await subtitle(page)).toBe(before - 1);
    await colleague.locator(`tr[data-finding-id="${target.id}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => subtitle(colleague)).toBe(before - 1);
    expect(await documentStillMarked(page)).toBe(true);
    expect(await documentStillMarked(colleague)).toBe(true);

    // Among resolved findings it names the asset it went to and who resolved it.
    await page.getByLabel('State').selectOption('resolved');
    const resolved = page.locator(`tr[data-finding-id="${target.id}"]`);
    await expect.poll(() => resolved.getByTestId('finding-resolution').textContent()).toBe(`Asset ${TAG} · resolved by admin`);
    await saveScreenshot(page, 'findings-linked');
    await resolved.getByRole('link', { name: TAG }).click();
    await expect.poll(() => page.getByTestId('asset-device').textContent()).toContain(HOSTNAME);
    expect(page.url()).toContain(`/register/${assetId}`);
    await page.close();
    await colleague.close();
  });

  it('shows the asset tag on the device page, in the devices list and in its export', async () => {
    const page = await pageAs('admin', ADMIN_PASSWORD);
    await page.goto(`${world.collector.url}/devices/${deviceId}`);
    await expect.poll(() => page.getByTestId('device-asset-tag').textContent()).toBe(`Asset ${TAG}`);
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('device-asset').textContent()).toContain(TAG);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    const row = page.locator(`tr[data-device-id="${deviceId}"]`);
    await expect.poll(() => row.getByTestId('device-asset-tag').textContent()).toBe(TAG);
    await page.getByLabel('Search devices').fill(TAG);
    await expect.poll(() => page.getByTestId('devices-table').locator('tbody tr').count()).toBe(1);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const rows = parse(readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.hostname, r.asset_tag])).toEqual([[HOSTNAME, TAG]]);
    await saveScreenshot(page, 'devices-with-asset');
    await page.close();
  });

  it('finds the device by its asset tag from the top bar, by keyboard alone', async () => {
    const page = await pageAs('admin', ADMIN_PASSWORD);
    const box = page.getByLabel('Search everything: devices, assets, people, software');
    await box.focus();
    await page.keyboard.type(TAG.toLowerCase());
    const results = page.getByTestId('global-search-results');
    const devices = results.getByRole('region', { name: 'Devices' });
    await expect.poll(() => devices.getByRole('link').allTextContents()).toEqual([`${HOSTNAME}asset ${TAG}`]);
    await expect.poll(() => results.getByRole('region', { name: 'Assets' }).getByRole('link').count()).toBe(1);
    await saveScreenshot(page, 'global-search');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`${HOSTNAME}asset ${TAG}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`/devices/${deviceId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTNAME);
    await box.focus();
    await page.keyboard.type('no-such-thing-here');
    await expect.poll(() => results.textContent()).toContain('Nothing matches');
    await page.keyboard.press('Escape');
    await results.waitFor({ state: 'detached' });
    await page.close();
  });
});
