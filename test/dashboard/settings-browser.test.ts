import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agentList, backupStatus, enrollAnswer, normalisationRule, reconcileSettings, snmpCredentialSetView, userList } from '@steward/shared';
import { z } from 'zod';
import { sendHeartbeat } from '../support/heartbeat.js';
import { chromiumMissing } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD, ENROLL_SECRET } from './support/dashboard-collector.js';

const credentialList = z.object({ items: z.array(snmpCredentialSetView) });
const ruleList = z.object({ items: z.array(normalisationRule) });

/**
 * The Settings screen in Debian's chromium against a real collector: credentials are set and
 * replaced but never shown back, identity keys reordered, rules added and tried, users managed.
 */
describe.skipIf(chromiumMissing())('settings in a browser', () => {
  const world = useBrowserWorld();
  const api = world.api;

  async function settingsAs(username: string, password: string, width = 1280): Promise<Page> {
    const page = await world.browser.newPage({ viewport: { width, height: 900 } });
    await signIn(page, world.collector.url, username, password);
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
    await page.getByRole('tab', { name: 'Users and tokens' }).click();
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
    expect(await clara.getByRole('tab').allTextContents()).toEqual(['Matching rules', 'Normalisation rules', 'Audit log']);
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
    const login = await fetch(`${world.collector.url}/api/v1/auth/login`, {
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

  async function enrol(secret: string, hostname: string) {
    const response = await fetch(`${world.collector.url}/api/v1/agents/enroll`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, secret, hostname, agentVersion: '1.4.0', platform: 'windows' }),
    });
    return { status: response.status, answer: response.ok ? enrollAnswer.parse(await response.json()) : null };
  }

  it('lists agents with their clocks, revokes one, and makes an enrolment secret shown once and then revoked', async () => {
    const drifting = (await enrol(ENROLL_SECRET, 'ws-drift-01')).answer!;
    const punctual = (await enrol(ENROLL_SECRET, 'ws-punctual-02')).answer!;
    await sendHeartbeat(world.collector.url, drifting.token, 11 * 60 + 40);
    await sendHeartbeat(world.collector.url, punctual.token, 0);

    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Agents' }).click();
    const table = page.getByTestId('agents-table');
    await table.waitFor();
    const clockOf = (hostname: string) => table.locator(`tr[data-hostname="${hostname}"]`).getByTestId('agent-clock').textContent();
    expect(await clockOf('ws-drift-01')).toMatch(/^⚠ 11 min (39|40) s ahead$/);
    expect(await clockOf('ws-punctual-02')).toBe('✓ On time');

    // A lost laptop: revoked from the list, its reports refused from then on.
    const row = table.locator('tr[data-hostname="ws-punctual-02"]');
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByRole('button', { name: 'Revoke ws-punctual-02' }).click();
    await row.getByText('Revoked').waitFor();
    const listed = agentList.parse((await api('/api/v1/agents')).body).items.find((a) => a.hostname === 'ws-punctual-02');
    expect(listed).toMatchObject({ status: 'revoked', revokedBy: 'admin' });
    const refused = await fetch(`${world.collector.url}/api/v1/agents/report`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${punctual.token}` }, body: '{}' });
    expect(refused.status).toBe(403);

    const secrets = page.getByTestId('enrolment-panel');
    await secrets.getByLabel('Label').fill('Branch rollout');
    await secrets.getByRole('button', { name: 'Make secret' }).click();
    const shown = page.getByTestId('new-secret').locator('code');
    await shown.waitFor();
    const secret = (await shown.textContent())!;
    expect(secret.length).toBeGreaterThan(20);
    expect((await enrol(secret, 'ws-branch-03')).status).toBe(200);
    await saveScreenshot(page, 'settings-agents');
    await page.getByTestId('new-secret').getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(secret);
    await page.getByTestId('secrets-table').locator('tr[data-label="Branch rollout"]').getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('secrets-table').locator('tr[data-label="Branch rollout"]').getByText(/^Revoked/).waitFor();
    expect((await enrol(secret, 'ws-branch-04')).status).toBe(401);
    await page.close();

    // An IT administrator revokes agents but does not make enrolment secrets.
    await world.collector.addUser('ivan', 'itadmin-password-4', 'itadmin');
    const ivan = await settingsAs('ivan', 'itadmin-password-4');
    await ivan.getByRole('tab', { name: 'Agents' }).click();
    await ivan.getByTestId('agents-table').locator('tr[data-hostname="ws-drift-01"]').getByRole('button', { name: 'Revoke…' }).waitFor();
    expect(await ivan.getByTestId('enrolment-panel').count()).toBe(0);
    await ivan.close();
  });

  it("sets the organisation's name that heads the compliance reports", async () => {
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Organisation' }).click();
    const panel = page.getByTestId('organisation-panel');
    await panel.getByLabel('Organisation name').fill('Northwind Traders');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Organisation saved.').waitFor();
    expect((await api('/api/v1/settings/organisation')).body).toEqual({ name: 'Northwind Traders' });
    await page.reload();
    await page.getByRole('tab', { name: 'Organisation' }).click();
    await expect.poll(() => panel.getByLabel('Organisation name').inputValue()).toBe('Northwind Traders');
    await page.close();
  });

  it('backs up now and shows the last good backup and a failed run', async () => {
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Backups' }).click();
    const panel = page.getByTestId('backups-panel');
    expect(await panel.getByTestId('last-good-backup').textContent()).toContain('none yet');
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(async () => backupStatus.parse((await api('/api/v1/backups')).body).files.length).toBe(1);
    const written = backupStatus.parse((await api('/api/v1/backups')).body).files[0]!;
    await expect.poll(() => panel.getByTestId('last-good-backup').textContent()).toContain(written.name);
    expect(await panel.getByTestId('backup-files').locator('tbody tr').count()).toBe(1);

    // The folder becomes unwritable: the run fails, the dashboard says why and still names the last good file.
    const config = world.collector.running.ctx.config;
    const saved = config.backupDir;
    config.backupDir = '/proc/steward-backups';
    try {
      await panel.getByRole('button', { name: 'Back up now' }).click();
      await panel.getByRole('alert').first().waitFor();
    } finally {
      config.backupDir = saved;
    }
    await page.reload();
    await page.getByRole('tab', { name: 'Backups' }).click();
    await panel.getByTestId('failed-backup').waitFor();
    expect(await panel.getByTestId('last-good-backup').textContent()).toContain(written.name);
    await saveScreenshot(page, 'settings-backups');
    await page.close();
  });

  it('shows an auditor the audit log newest first, filtered by action, with details, a verified chain and a CSV export', async () => {
    const made = await api('/api/v1/agents/enrollment-secrets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: 'Audit trail probe' }) });
    expect(made.status).toBe(201);
    await world.collector.addUser('audrey', 'auditor-password-6', 'auditor');
    const page = await settingsAs('audrey', 'auditor-password-6');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Matching rules', 'Normalisation rules', 'Audit log']);
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const panel = page.getByTestId('audit-panel');
    const table = panel.getByTestId('audit-table');
    await table.waitFor();
    // The newest entry is the auditor's own sign-in.
    const newest = table.locator('tbody tr[data-action]').first();
    expect(await newest.getAttribute('data-action')).toBe('auth.login');
    expect(await newest.textContent()).toContain('audrey');

    await panel.getByLabel('Action starts with').fill('enrollment-secret.');
    await panel.getByRole('button', { name: 'Show' }).click();
    const actions = () => table.locator('tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')!));
    await expect.poll(async () => (await actions()).every((a) => a.startsWith('enrollment-secret.'))).toBe(true);
    expect(await actions()).toContain('enrollment-secret.create');
    await table.locator('tbody tr[data-action="enrollment-secret.create"]').first().getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => table.locator('.audit-change').textContent()).toContain('Audit trail probe');

    await panel.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => panel.getByTestId('audit-verdict').textContent()).toMatch(/^Intact: all [\d,]+ entries check out\.$/);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit-log.csv');
    const csv = (await (await file.createReadStream()).toArray()).join('');
    expect(csv.split('\n')[0]).toMatch(/^id,at,actor/);
    expect(csv).toContain('enrollment-secret.create');
    expect(csv).not.toContain('auth.login');
    await saveScreenshot(page, 'settings-audit');
    await page.close();
  });

  it('makes a service token for the helpdesk lookup, shown once and limited to its scope, and revokes it', async () => {
    const page = await settingsAs('admin', ADMIN_PASSWORD);
    await page.getByRole('tab', { name: 'Users and tokens' }).click();
    const panel = page.getByTestId('service-tokens-panel');
    await panel.getByLabel('Used by').fill('Service desk lookup');
    await panel.getByRole('button', { name: 'Make token' }).click();
    const token = (await page.getByTestId('new-token').locator('code').textContent())!;
    const call = (path: string) => fetch(`${world.collector.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call('/api/v1/lookup/assets?tag=NO-SUCH-TAG')).status).toBe(200);
    expect((await call('/metrics')).status).toBe(403);
    expect((await call('/api/v1/devices')).status).toBe(401);
    await page.getByTestId('new-token').getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(token);
    const row = panel.locator('tr[data-token="Service desk lookup"]');
    await expect.poll(() => row.textContent()).toContain('Asset lookup');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^revoked/).waitFor();
    expect((await call('/api/v1/lookup/assets?tag=NO-SUCH-TAG')).status).toBe(401);
    await page.close();
  });

  it('lets anyone make a personal API token from their account page, use it with their role, and revoke it', async () => {
    await world.collector.addUser('penny', 'helpdesk-password-9', 'helpdesk');
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, world.collector.url, 'penny', 'helpdesk-password-9');
    await page.getByTestId('current-user').click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    const panel = page.getByTestId('personal-tokens');
    await panel.getByLabel('Used for').fill('Nightly export');
    await panel.getByRole('button', { name: 'Make token' }).click();
    const token = (await page.getByTestId('new-personal-token').locator('code').textContent())!;
    const call = (path: string) => fetch(`${world.collector.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call('/api/v1/devices')).status).toBe(200);
    expect((await call('/api/v1/users')).status).toBe(403);
    await page.getByTestId('new-personal-token').getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(token);
    const row = panel.locator('tr[data-token="Nightly export"]');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await call('/api/v1/devices')).status).toBe(401);
    await page.reload();
    await page.getByText('You have no API tokens.').waitFor();
    await page.close();
  });

  it('hides Settings from helpdesk and refuses its address; lays out at tablet width with visible focus', async () => {
    await world.collector.addUser('hank', 'helpdesk-password-3', 'helpdesk');
    const helpdesk = await world.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(helpdesk, world.collector.url, 'hank', 'helpdesk-password-3');
    expect(await helpdesk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await helpdesk.goto(`${world.collector.url}/settings`);
    await helpdesk.getByText('Your role does not give access to this screen').waitFor();
    await helpdesk.close();

    const tablet = await settingsAs('admin', ADMIN_PASSWORD, 800);
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.getByRole('tab', { name: 'Discovery' }).focus();
    await tablet.keyboard.press('ArrowRight');
    const focused = tablet.getByRole('tab', { name: 'Agents' });
    expect(await focused.evaluate((tab) => tab === document.activeElement && tab.getAttribute('aria-selected'))).toBe('true');
    const outline = await focused.evaluate((tab) => getComputedStyle(tab).outlineStyle);
    expect(outline).not.toBe('none');
    await saveScreenshot(tablet, 'settings-tablet');
    await tablet.close();
  });
});
