import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisationRule, reconcileSettings, snmpCredentialSetView, userList } from '@steward/shared';
import { z } from 'zod';
import { chromiumMissing, launchChromium } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { buildDashboard } from './support/built-dashboard.js';
import { ADMIN_PASSWORD, startDashboardCollector, type DashboardCollector } from './support/dashboard-collector.js';

const credentialList = z.object({ items: z.array(snmpCredentialSetView) });
const ruleList = z.object({ items: z.array(normalisationRule) });

/**
 * The Settings screen in Debian's chromium against a real collector: credentials are set and
 * replaced but never shown back, identity keys reordered, rules added and tried, users managed.
 */
describe.skipIf(chromiumMissing())('settings in a browser', () => {
  let distDir: string;
  let collector: DashboardCollector;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    distDir = await buildDashboard();
    collector = await startDashboardCollector(distDir);
    adminToken = await collector.login();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  async function api(path: string, init: RequestInit = {}) {
    const response = await fetch(`${collector.url}${path}`, { ...init, headers: { authorization: `Bearer ${adminToken}`, ...init.headers } });
    return { status: response.status, body: await response.json().catch(() => null) as unknown };
  }

  async function settingsAs(username: string, password: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await signIn(page, collector.url, username, password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('settings').waitFor();
    return page;
  }

  it('sets and replaces an SNMP credential set without ever showing its community', async () => {
    const community = `secret-${Date.now().toString(36)}`;
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    const panel = page.getByTestId('credentials-panel');
    await panel.getByRole('button', { name: 'Add credential set' }).click();
    const form = page.getByTestId('credential-form');
    await form.getByLabel('Name').fill('Branch offices');
    await form.getByLabel('Community').fill(community);
    await form.getByRole('button', { name: 'Add credential set' }).click();
    await panel.getByTestId('credential-list').getByText('Branch offices').waitFor();

    const stored = credentialList.parse((await api('/api/v1/network/credentials')).body);
    expect(stored.items.map((set) => set.name)).toEqual(['Branch offices']);
    expect(JSON.stringify(stored)).not.toContain(community);

    await panel.getByRole('button', { name: 'Replace' }).click();
    const replace = page.getByTestId('credential-form');
    expect(await replace.getByLabel('Community').inputValue()).toBe('');
    await replace.getByLabel('Name').fill('Branch offices v2c');
    await saveScreenshot(page, 'settings-discovery');
    await replace.getByRole('button', { name: 'Replace credential set' }).click();
    await panel.getByText('Branch offices v2c').waitFor();
    expect(await page.content()).not.toContain(community);
    const replaced = credentialList.parse((await api('/api/v1/network/credentials')).body);
    expect(replaced.items).toHaveLength(1);
    expect(replaced.items[0]).toMatchObject({ name: 'Branch offices v2c', version: '2c', secrets: { community: true } });
    await page.close();
  });

  it('orders the identity keys used for matching and saves them', async () => {
    const before = reconcileSettings.parse((await api('/api/v1/reconcile/settings')).body);
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Matching rules' }).click();
    const keys = page.getByTestId('identity-keys');
    await keys.waitFor();
    expect(await keys.locator('li strong').allTextContents()).toHaveLength(before.identityKeys.length);
    // Host name one place stronger, the MAC address not used at all.
    await page.getByRole('button', { name: 'Move Host name up' }).click();
    await page.getByRole('button', { name: 'Stop using MAC address' }).click();
    await page.getByRole('button', { name: 'Save matching rules' }).click();
    await page.getByText('Matching rules saved.').waitFor();
    await saveScreenshot(page, 'settings-matching');

    const expected = [...before.identityKeys];
    const host = expected.indexOf('hostname');
    expected.splice(host - 1, 0, ...expected.splice(host, 1));
    const after = reconcileSettings.parse((await api('/api/v1/reconcile/settings')).body);
    expect(after.identityKeys).toEqual(expected.filter((key) => key !== 'mac'));
    expect(await keys.locator('li strong').allTextContents()).toHaveLength(after.identityKeys.length);
    await page.close();
  });

  it('adds a normalisation rule that the title preview then applies', async () => {
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Normalisation rules' }).click();
    const panel = page.getByTestId('rules-panel');
    await panel.getByTestId('rules-table').waitFor();
    await panel.getByRole('button', { name: 'Add rule' }).click();
    const form = page.getByTestId('rule-form');
    await form.getByLabel('Pattern').fill('Zebra Label Designer');
    await form.getByLabel('Or licence class').selectOption('freeware');
    await form.getByLabel('Product name').fill('Label Designer');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.waitFor({ state: 'detached' });

    const rules = ruleList.parse((await api('/api/v1/catalogue/rules')).body);
    const added = rules.items.find((rule) => rule.pattern === 'Zebra Label Designer');
    expect(added).toMatchObject({ kind: 'prefix', licence: 'freeware', origin: 'user', enabled: true });

    await panel.getByLabel('Title to try').fill('Zebra Label Designer 3.1');
    await panel.getByRole('button', { name: 'Normalise' }).click();
    await expect.poll(() => panel.getByTestId('title-preview').textContent()).toContain('freeware');
    await panel.getByLabel('Find a rule').fill('Zebra Label');
    await expect.poll(() => panel.getByTestId('rules-table').locator('tbody tr').count()).toBe(1);
    // Numbered by the order rules are tried in, not by the place the search leaves it.
    const tried = rules.items.findIndex((rule) => rule.id === added!.id) + 1;
    expect(tried).toBeGreaterThan(1);
    expect(await panel.getByTestId('rules-table').locator('tbody tr td').first().textContent()).toBe(String(tried));
    await saveScreenshot(page, 'settings-rules');
    await page.close();
  });

  it('adds a user with a role, changes the role and disables them; the user sees only their settings', async () => {
    const short = await api('/api/v1/users', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'too-short', password: 'short', role: 'auditor' }),
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('password');

    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Users and roles' }).click();
    const panel = page.getByTestId('users-panel');
    await panel.getByRole('button', { name: 'Add user' }).click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Username').fill('clara');
    await form.getByLabel('Full name').fill('Clara Compliance');
    await form.getByLabel('First password').fill('compliance-password-1');
    await form.getByLabel('Role').selectOption('compliance');
    await form.getByRole('button', { name: 'Add user' }).click();
    const row = panel.locator('tr[data-username="clara"]');
    await row.waitFor();
    await saveScreenshot(page, 'settings-users');

    // A compliance officer edits normalisation rules, reads the matching rules, and has no discovery or user settings.
    const clara = await settingsAs('clara', 'compliance-password-1');
    expect(await clara.getByRole('tab').allTextContents()).toEqual(['Matching rules', 'Normalisation rules']);
    await clara.getByTestId('identity-keys').waitFor();
    expect(await clara.getByRole('button', { name: 'Save matching rules' }).count()).toBe(0);
    await clara.getByRole('tab', { name: 'Normalisation rules' }).click();
    await clara.getByTestId('rules-panel').getByRole('button', { name: 'Add rule' }).waitFor();
    await clara.close();

    await row.getByLabel('Role of clara').selectOption('auditor');
    await expect.poll(async () => userList.parse((await api('/api/v1/users')).body).items.find((u) => u.username === 'clara')?.role).toBe('auditor');
    const audra = await settingsAs('clara', 'compliance-password-1');
    await audra.getByRole('tab', { name: 'Normalisation rules' }).click();
    await audra.getByTestId('rules-table').waitFor();
    expect(await audra.getByTestId('rules-panel').getByRole('button', { name: 'Add rule' }).count()).toBe(0);
    await audra.close();

    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled').waitFor();
    const login = await fetch(`${collector.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clara', password: 'compliance-password-1' }),
    });
    expect(login.status).toBe(401);
    // The administrator cannot demote themselves: the control is off, and the API refuses.
    expect(await panel.locator('tr[data-username="admin"]').getByLabel('Role of admin').isDisabled()).toBe(true);
    const me = userList.parse((await api('/api/v1/users')).body).items.find((u) => u.username === 'admin')!;
    const demote = await api(`/api/v1/users/${me.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'helpdesk' }) });
    expect(demote.status).toBe(409);
    await page.close();
  });

  it('hides Settings from helpdesk and refuses its address; lays out at tablet width with visible focus', async () => {
    await collector.addUser('hank', 'helpdesk-password-3', 'helpdesk');
    const helpdesk = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(helpdesk, collector.url, 'hank', 'helpdesk-password-3');
    expect(await helpdesk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await helpdesk.goto(`${collector.url}/settings`);
    await helpdesk.getByText('Your role does not give access to this screen').waitFor();
    await helpdesk.close();

    const tablet = await settingsAs('admin', ADMIN_PASSWORD, 800);
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.getByRole('tab', { name: 'Discovery' }).focus();
    await tablet.keyboard.press('ArrowRight');
    const focused = tablet.getByRole('tab', { name: 'Matching rules' });
    expect(await focused.evaluate((tab) => tab === document.activeElement && tab.getAttribute('aria-selected'))).toBe('true');
    const outline = await focused.evaluate((tab) => getComputedStyle(tab).outlineStyle);
    expect(outline).not.toBe('none');
    await saveScreenshot(tablet, 'settings-tablet');
    await tablet.close();
  });
});
