import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP_SCREENS, REGISTER_HELP_TOPICS, hasOwnHelpLink, helpHref, isHelpScreen } from '../../dashboard/src/help/help-link.js';
import { HELP_TOPICS } from '../../dashboard/src/help/help-topics.js';
import { parseRoute } from '../../dashboard/src/routing/routes.js';
import { REGISTER_PAGES, screenOf, type ScreenId } from '../../dashboard/src/routing/screens.js';
import { REPO_ROOT } from '../support/processes.js';
import { accessibilityProblems } from './support/accessibility.js';
import { chromiumMissing } from './support/browser.js';
import { signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD } from './support/dashboard-collector.js';
import { fleetHostname, fleetReport } from './support/fleet.js';
import { enrolAgent, inParallel, sendReport } from './support/simulated-agent.js';

/** Committed with the guides in docs/, which show them; this test is what makes them. */
export const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };
// Six machines: two run Windows, against one entitlement, so the licence position shows a shortfall.
const FLEET = 6;

function screenOfHref(href: string): ScreenId {
  const url = new URL(href, 'http://steward.example');
  return screenOf(parseRoute(url.pathname, url.search));
}

/**
 * Every screen of the dashboard on a small estate, in Debian's chromium: its Help link opens help
 * that exists and names it, every help topic is a screen that exists, and each screen (and each tab
 * of the screens that have tabs) is photographed into docs/screenshots for the guides. Screenshots of
 * screens that are gone are removed, so a guide still showing one fails the guides' own test.
 */
describe.skipIf(chromiumMissing())('help for every screen in a browser', () => {
  const world = useBrowserWorld();
  let page: Page;
  const written = new Set<string>();

  async function post(pathname: string, body: unknown): Promise<{ id: string }> {
    const answer = await world.api(pathname, { method: 'POST', body: JSON.stringify(body) });
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`${pathname}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string };
  }

  beforeAll(async () => {
    const url = world.collector.url;
    await inParallel(FLEET, 2, async (index) => {
      const hostname = fleetHostname(index, 'hq');
      const agent = await enrolAgent(url, hostname);
      await sendReport(url, agent, fleetReport(agent.agentId, index, hostname));
    });
    const location = await post('/api/v1/register/locations', { name: 'Head office', kind: 'site' });
    const department = await post('/api/v1/register/departments', { name: 'Finance' });
    await post('/api/v1/register/people', { name: 'Dana Whitfield', email: 'dana@example.org', departmentId: department.id, locationId: location.id });
    const categories = (await world.api('/api/v1/register/categories?limit=1')).body as { items: Array<{ id: string }> };
    for (const [tag, name] of [['HQ-0001', 'Finance laptop'], ['HQ-0002', 'Reception printer'], ['HQ-0003', 'Spare monitor']]) {
      await post('/api/v1/register/assets', { tag, name, categoryId: categories.items[0]!.id, status: 'deployed', locationId: location.id, purchaseCost: 1200, currency: 'EUR' });
    }
    await post('/api/v1/alerts/rules', { name: 'Unregistered devices', kind: 'device_unregistered' });
    expect((await world.api('/api/v1/reconcile/run?wait=true', { method: 'POST', body: '{}' })).status).toBe(200);
    const positions = (await world.api('/api/v1/licenses/position')).body as { items: Array<{ productId: string }> };
    if (positions.items[0]) await post('/api/v1/licenses/entitlements', { productId: positions.items[0].productId, metric: 'device', quantity: 1, contract: 'EA-2026' });
    await world.api('/api/v1/alerts/evaluate', { method: 'POST', body: '{}' });

    page = await world.browser.newPage({ viewport: VIEWPORT });
    await signIn(page, url, 'admin', ADMIN_PASSWORD);
  }, 120_000);

  /** Waits until the screen has its heading and nothing is still loading, then photographs it. */
  async function photograph(name: string): Promise<void> {
    await page.locator('#page-title').waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"], p.loading').count(), { timeout: 10_000 }).toBe(0);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    // No link shows hovered or focused: the pointer rests on the top bar between the search and the
    // status, and the Help link just followed gives up the focus it keeps across moves within the app.
    await page.mouse.move(740, 28);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // JPEG at quality 70: the set stays near 2 MB in the repository, where PNG passes 3 MB.
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.jpg`), type: 'jpeg', quality: 70 });
    written.add(`${name}.jpg`);
  }

  /** Moves within the app as a link does, without reloading it, and waits for the screen to render. */
  async function open(href: string): Promise<void> {
    await page.evaluate((target) => {
      const link = Object.assign(document.createElement('a'), { href: target });
      document.body.append(link);
      link.click();
      link.remove();
    }, href);
    await expect.poll(() => { const url = new URL(page.url()); return `${url.pathname}${url.search}`; }).toBe(href);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }

  /** An address of each screen; a device and an asset are reached from their lists, as a person would. */
  async function hrefOf(screen: ScreenId): Promise<string> {
    if (screen === 'device') {
      await open('/devices');
      await page.getByTestId('devices-table').waitFor();
      return (await page.getByTestId('devices-table').locator('tbody a[href^="/devices/"]').first().getAttribute('href'))!;
    }
    if (screen === 'asset') {
      await open('/register');
      await page.getByTestId('assets-table').waitFor();
      return (await page.getByTestId('assets-table').locator('tbody a[href^="/register/"]').first().getAttribute('href'))!;
    }
    // The software screen lists titles once something is searched for.
    if (screen === 'software') return '/software?search=openssl';
    if (isHelpScreen(screen)) return HELP_TOPICS[screen].href!;
    if (screen === 'register') return '/register';
    // The help shown on one topic, with its table of actions and roles.
    if (screen === 'help') return '/help?topic=licences';
    return `/register/${screen.replace(/^register-/, '')}`;
  }

  /** Each tab of a screen after the first, photographed as <screen>-<tab>. */
  async function photographTabs(screen: ScreenId): Promise<void> {
    const tabs = page.locator('main [role="tablist"]').first().getByRole('tab');
    const ids = await tabs.evaluateAll((found) => found.map((tab) => tab.id));
    for (const id of ids.slice(1)) {
      await page.locator(`[id="${id}"]`).click();
      await photograph(`${screen}-${id.replace(/^.*-tab-/, '')}`);
    }
  }

  const SCREENS: ScreenId[] = [...HELP_SCREENS, 'help', 'register', 'asset', ...REGISTER_PAGES.map((p) => `register-${p}` as const)];
  const WITH_TABS = new Set<ScreenId>(['licences', 'network', 'alerts', 'settings']);

  it('opens every screen, whose Help link leads to help that exists and names it', async () => {
    for (const screen of SCREENS) {
      const href = await hrefOf(screen);
      expect(screenOfHref(href), href).toBe(screen);
      await open(href);
      const expected = isHelpScreen(screen) ? HELP_TOPICS[screen].heading : null;
      if (expected) await expect.poll(() => page.locator('#page-title').textContent(), { message: screen }).toBe(expected);
      await photograph(screen);
      const heading = (await page.locator('#page-title').textContent())!;
      if (WITH_TABS.has(screen)) await photographTabs(screen);

      // One link named Help on every screen: the top bar's, or the register screens' own in their header.
      const help = page.getByRole('link', { name: 'Help', exact: true });
      expect(await help.count(), screen).toBe(1);
      expect(await help.getAttribute('href'), screen).toBe(helpHref(screen));
      expect(await page.getByRole('banner').getByRole('link', { name: 'Help', exact: true }).count(), screen).toBe(hasOwnHelpLink(screen) ? 0 : 1);
      await help.click();
      if (isHelpScreen(screen)) {
        await expect.poll(() => page.getByTestId('help-topic').getAttribute('data-topic'), { timeout: 10_000 }).toBe(screen);
        expect(await page.locator('#page-title').textContent()).toBe(`Help: ${HELP_TOPICS[screen].title}`);
        if (HELP_TOPICS[screen].heading) expect(HELP_TOPICS[screen].title, screen).toBe(heading);
      } else if (screen === 'help') {
        await expect.poll(() => new URL(page.url()).pathname).toBe('/help');
      } else {
        const topic = REGISTER_HELP_TOPICS[screen];
        const section = page.locator(`section[id="${topic}"]`);
        await expect.poll(() => section.getAttribute('class'), { timeout: 10_000, message: `${screen}: register help section ${topic}` }).toContain('help-current');
        // The reference lists, check-outs and the audit round are named alike on screen and in help.
        if (screen !== 'register' && screen !== 'asset' && screen !== 'register-help') expect(await section.locator('h2').textContent(), screen).toBe(heading);
      }
    }
  }, 90_000);

  it('has help for every screen the navigation and the register menu offer, and for no screen that is gone', async () => {
    expect(Object.keys(HELP_TOPICS).sort()).toEqual([...HELP_SCREENS].sort());
    for (const screen of HELP_SCREENS) {
      const { href } = HELP_TOPICS[screen];
      if (href) expect(screenOfHref(href), screen).toBe(screen);
    }
    await page.goto(`${world.collector.url}/register`);
    // The menus are drawn by the app after the page loads: read them once they are there.
    const menus = [page.getByRole('navigation', { name: 'Main' }), page.getByRole('navigation', { name: 'Register screens' })];
    for (const menu of menus) await menu.getByRole('link').first().waitFor();
    const offered = [
      ...await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)),
      ...await page.getByRole('navigation', { name: 'Register screens' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)),
    ];
    expect(offered.length).toBeGreaterThan(10);
    for (const href of offered) {
      const screen = screenOfHref(href);
      // A register page this module does not know would be taken for an asset and get an asset's help.
      expect(['not-found', 'asset'], `${href} is a screen the help does not know`).not.toContain(screen);
      expect(SCREENS, href).toContain(screen);
    }
    // Every section of the register help is the help of a register screen that exists.
    await page.goto(`${world.collector.url}/register/help`);
    await page.locator('.help-page section[id]').first().waitFor();
    const sections = await page.locator('.help-page section[id]').evaluateAll((found) => found.map((s) => s.id));
    expect(new Set(sections)).toEqual(new Set(Object.values(REGISTER_HELP_TOPICS)));
  });

  it('names every control of the help page and reaches each by keyboard', async () => {
    await page.goto(`${world.collector.url}/help?topic=licences`);
    await page.getByTestId('help-topic').waitFor();
    expect(await page.getByRole('table').first().locator('tbody tr').count()).toBe(HELP_TOPICS.licences.actions.length);
    // Who may act is read from the roles' permissions: recording an entitlement takes licenses:write.
    expect(await page.getByRole('row', { name: /Record entitlement/ }).locator('td').last().textContent()).toBe('Administrator, Compliance officer');
    expect(await page.getByRole('region', { name: 'Who sees it' }).textContent()).toContain('Every role');
    expect(await accessibilityProblems(page)).toEqual([]);
    // At phone width the top bar keeps the link (as its icon) and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const href of ['/devices', '/help?topic=devices']) {
      await open(href);
      await page.locator('#page-title').waitFor();
      expect(await page.getByRole('banner').getByRole('link', { name: 'Help', exact: true }).isVisible(), href).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), href).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${world.collector.url}/help?topic=no-such-screen`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no help on “no-such-screen”');
  });

  it('keeps only screenshots of screens that exist', () => {
    // Run alone (-t), the first test writes nothing and nothing is judged.
    if (written.size === 0) return;
    const stale = readdirSync(SCREENSHOTS_DIR).filter((file) => !written.has(file));
    for (const file of stale) rmSync(path.join(SCREENSHOTS_DIR, file));
    const bytes = [...written].reduce((sum, file) => sum + statSync(path.join(SCREENSHOTS_DIR, file)).size, 0);
    console.info(`help screenshots: ${written.size} files, ${Math.round(bytes / 1024)} KiB; removed ${stale.length} of screens that are gone`);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
