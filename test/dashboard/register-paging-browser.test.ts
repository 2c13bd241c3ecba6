import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from './support/browser.js';
import { signIn } from './support/browser-session.js';
import { buildDashboard } from './support/built-dashboard.js';
import { ADMIN_PASSWORD, startDashboardCollector, type DashboardCollector } from './support/dashboard-collector.js';

const ASSETS = 60;

/**
 * Turning the register's page the moment it opens, selecting as one goes: the page stays turned,
 * and a selection across pages holds every asset picked.
 */
describe.skipIf(chromiumMissing())('paging the register right after it opens', () => {
  let collector: DashboardCollector;
  let browser: Browser;

  beforeAll(async () => {
    collector = await startDashboardCollector(await buildDashboard());
    const auth = { authorization: `Bearer ${await collector.login()}` };
    const csv = ['Name,Category', ...Array.from({ length: ASSETS }, (_, i) => `Paging item ${i},hardware.peripherals`)].join('\n');
    const preview = await fetch(`${collector.url}/api/v1/register/import`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
    const { importId } = (await preview.json()) as { importId: string };
    const commit = await fetch(`${collector.url}/api/v1/register/import/${importId}/commit`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(commit.status).toBe(200);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('keeps the page turned at once, and the selection made on both pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, collector.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/register`);
    const selectPage = page.getByLabel('Select every asset on this page');
    await selectPage.check();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2 of 2').waitFor();
    // Past the search box's settling delay: nothing may take the screen back to page 1.
    await page.waitForTimeout(600);
    expect(await page.getByText('Page 2 of 2').count()).toBe(1);
    await selectPage.check();
    await expect.poll(() => page.getByTestId('bulk-bar').textContent()).toContain(`${ASSETS} selected`);
    await page.close();
  });
});
